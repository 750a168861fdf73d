// Scenarios the simulator can play. Each creates its campaign through the admin API, then plays a
// crowd through the sandbox; task-oa, task-oa-wecom and group plug in here when their flows exist.
export const SCENARIO_NAMES = ['task-wecom', 'task-oa', 'task-oa-wecom', 'group'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Scenarios whose flows are built; the others are refused with this reason. */
export const NOT_BUILT: Partial<Record<ScenarioName, string>> = {
  'task-oa': 'task fission through an Official Account needs the OA flows, which are not built yet',
  'task-oa-wecom': 'task fission through an Official Account plus WeCom needs the OA flows, which are not built yet',
  group: 'group fission needs its flows, which are not built yet',
};
