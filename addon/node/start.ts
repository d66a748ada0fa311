import { DateTime } from "luxon";
import { sampleCardText } from "./sampleCard";
import { startPreview } from "./dev/preview";

// `npm start`: the card of the bundled sample week in the terminal, how to analyze your own
// calendar, then the Outlook task pane in preview mode on http://localhost:3000 (same sample week).
const main = async (): Promise<number> => {
  const card = sampleCardText(DateTime.now());
  if (!card.ok) {
    process.stderr.write(`next-week: ${card.error.message}\n`);
    return 1;
  }
  process.stdout.write(`${card.value}\n\n`);
  process.stdout.write(
    [
      "This was the bundled sample week. To analyze your own next week, export your",
      "calendar as an .ics file (Google Calendar: Settings → Import & export → Export;",
      "Outlook: Save calendar / Publish calendar) and run:",
      "  npx next-week init --ics my-calendar.ics --me you@your-company.com",
      "  npx next-week analyze --ics my-calendar.ics --me you@your-company.com \\",
      "    --settings next-week-settings.json [--json]",
      "",
    ].join("\n"),
  );
  if (process.argv.includes("--no-preview")) return 0;
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`next-week: PORT must be a port number (0–65535), got "${process.env.PORT}".\n`);
    return 2;
  }
  try {
    const preview = await startPreview({ port });
    process.stdout.write(`The Outlook task pane, on the same sample week: ${preview.url}\n(Ctrl+C to stop; npm start -- --no-preview to skip)\n`);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === "EADDRINUSE" ? `port ${port} is already in use` : code === "EACCES" ? `port ${port} needs privileges` : (cause as Error).message;
    process.stderr.write(`next-week: the task-pane preview could not start: ${why}; set PORT to use another port (e.g. PORT=4000 npm start).\n`);
    return 1;
  }
  return 0;
};

void main().then((code) => {
  process.exitCode = code;
});
