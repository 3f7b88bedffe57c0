import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/account/csv";

/** A minimal RFC 4180 reader, to prove every cell comes back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe("csvCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@channel", "'@channel"],
    ["\tindent", "'\tindent"],
    ["\rreturn", `"'\rreturn"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])("neutralises a formula: %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("mid=dle")).toBe("mid=dle");
  });

  it("writes numbers as numbers (negative ones too) and nothing for null", () => {
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  it("writes a header and CRLF-ended rows", () => {
    const csv = toCsv([{ header: "Name", value: (row: { name: string }) => row.name }], [{ name: "Ada" }, { name: "=1+1" }]);
    expect(csv).toBe("Name\r\nAda\r\n'=1+1\r\n");
  });

  it("reads back every cell as written, and no cell starts a formula", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const csv = toCsv(
          [
            { header: "A", value: (row: string[]) => row[0] },
            { header: "B", value: (row: string[]) => row[1] },
          ],
          rows,
        );
        const parsed = parseCsv(csv);
        expect(parsed).toHaveLength(rows.length + 1);
        parsed.slice(1).forEach((cells, index) => {
          cells.forEach((cell, column) => {
            const original = rows[index]![column]!;
            expect(cell).toBe(/^[=+\-@\t\r]/.test(original) ? `'${original}` : original);
            expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          });
        });
      }),
    );
  });
});
