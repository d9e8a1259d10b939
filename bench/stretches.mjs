// The main thread's busy stretches in a CPU profile (samples that are not idle, with gaps of
// less than `gap` ms between them), each with its start, length and the named functions that
// take most of it (callees included), for `bench/profile.mjs`'s PLR_PROFILE_TASKS.
export function busyStretches(profile, { gap = 1, atLeast = 3, only = null, n = 6 } = {}) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (f) => `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}`.trim();
  const stretches = [];
  let current = null;
  let at = profile.startTime / 1000;
  profile.samples.forEach((id, i) => {
    at += (profile.timeDeltas[i] ?? 0) / 1000;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id).callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') return;
    if (!current || at - current.end > gap) {
      current = { start: at, end: at, busy: 0, total: new Map() };
      stretches.push(current);
    }
    current.end = at + dt;
    current.busy += dt;
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const k = name(byId.get(node).callFrame);
      if (seen.has(k) || (only && !only.test(k))) continue;
      seen.add(k);
      current.total.set(k, (current.total.get(k) ?? 0) + dt);
    }
  });
  const origin = profile.startTime / 1000;
  return stretches.filter((s) => s.busy >= atLeast).map((s) => ({
    start: s.start - origin,
    length: s.end - s.start,
    busy: s.busy,
    top: [...s.total.entries()].sort((a, b) => b[1] - a[1]).slice(0, n),
  }));
}
