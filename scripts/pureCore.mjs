/**
 * An esbuild plugin for the bundles that never read iCalendar (Apps Script, the Outlook pane):
 * hosts import the core through shared/index.ts, which also exports the iCalendar reader, and
 * ical.js does not declare itself free of side effects, so without this it would be bundled
 * even though nothing calls it. Marking it side-effect free lets esbuild drop it when unused.
 */
export const icalOnlyWhenUsed = {
  name: "ical-only-when-used",
  setup(build) {
    build.onResolve({ filter: /^ical\.js$/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.path, sideEffects: false };
    });
  },
};
