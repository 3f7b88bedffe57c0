import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvLocalTime, toCsv } from "@/lib/account/csv";

/** What a spreadsheet runs as a formula: these first characters, and a hyphen unless a space (or nothing) follows. */
const startsFormula = (text: string) => /^[=+@\t\r]/.test(text) || (text.startsWith("-") && text.length > 1 && !/\s/.test(text[1]!));

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
    ["-1", "'-1"],
    ["-(1+2)", "'-(1+2)"],
    ["-A1*10", "'-A1*10"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ["@channel", "'@channel"],
    ["\tindent", "'\tindent"],
    ["\rreturn", `"'\rreturn"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ])("neutralises a formula: %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it("leaves a list alone: a hyphen and a space, or a hyphen on its own", () => {
    expect(csvCell("- milk")).toBe("- milk");
    expect(csvCell("- one\n- two")).toBe('"- one\n- two"');
    expect(csvCell("-\tindented item")).toBe("-\tindented item");
    expect(csvCell("-")).toBe("-");
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
            expect(cell).toBe(startsFormula(original) ? `'${original}` : original);
            expect(startsFormula(cell)).toBe(false);
          });
        });
      }),
    );
  });
});

describe("times", () => {
  it("writes an instant as the local time in the zone, in a form spreadsheets read as a date", () => {
    expect(csvLocalTime("2026-12-04T13:30:00.000Z", "Europe/Berlin")).toBe("2026-12-04 14:30");
    expect(csvLocalTime(new Date("2026-07-04T13:30:00Z"), "Europe/Berlin")).toBe("2026-07-04 15:30");
    // Midnight is 00, not 24; a zone ahead of UTC can be on the next day.
    expect(csvLocalTime("2026-12-04T23:00:00.000Z", "Europe/Berlin")).toBe("2026-12-05 00:00");
    expect(csvLocalTime("2026-12-04T02:05:00.000Z", "America/New_York")).toBe("2026-12-03 21:05");
  });

  it("names the zone in the header of a time column and leaves a missing time empty", () => {
    type Row = { name: string; at: string | null };
    const columns = [
      { header: "Name", value: (row: Row) => row.name },
      { header: "Added", instant: (row: Row) => row.at },
    ];
    const rows: Row[] = [
      { name: "Ada", at: "2026-12-04T13:30:00.000Z" },
      { name: "Bo", at: null },
    ];
    expect(toCsv(columns, rows, { timeZone: "Asia/Kolkata" })).toBe("Name,Added (Asia/Kolkata)\r\nAda,2026-12-04 19:00\r\nBo,\r\n");
    expect(toCsv(columns, rows)).toBe("Name,Added (UTC)\r\nAda,2026-12-04 13:30\r\nBo,\r\n");
  });
});
