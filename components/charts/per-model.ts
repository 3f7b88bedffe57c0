import type { DashboardModel } from "@/lib/dashboard/figures";

/** `build`, run once per model object: a model is never changed after `buildDashboard` returns it. */
export function perModel<T>(build: (model: DashboardModel) => T): (model: DashboardModel) => T {
  // lib/dashboard/dashboard.ts keeps the model per user and data version, so the same model is rendered many times: build its figures once.
  const built = new WeakMap<DashboardModel, T>();
  return (model) => {
    let result = built.get(model);
    if (result === undefined) {
      result = build(model);
      built.set(model, result);
    }
    return result;
  };
}
