import type { Markup } from "@/components/charts/markup";
import type { DashboardModel } from "@/lib/dashboard-model";

/** `build`, run once per model object: a model is never changed after `buildDashboard` returns it. */
export function perModel(build: (model: DashboardModel) => Markup): (model: DashboardModel) => Markup {
  // lib/dashboard.ts caches the model per user and data version, so the same model is rendered many times: build its figures once.
  const built = new WeakMap<DashboardModel, Markup>();
  return (model) => {
    let result = built.get(model);
    if (result === undefined) {
      result = build(model);
      built.set(model, result);
    }
    return result;
  };
}
