import { DateTime } from "luxon";
import { sampleCardText } from "./sampleCard";

// `npm start`: the card of the bundled sample week in the terminal, then how to analyze your own calendar.
const card = sampleCardText(DateTime.now());
if (!card.ok) {
  process.stderr.write(`next-week: ${card.error.message}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`${card.value}\n\n`);
  process.stdout.write(
    [
      "This was the bundled sample week. To analyze your own next week, export your calendar as an .ics file",
      "(Google Calendar: Settings → Import & export → Export; Outlook: Save calendar / Publish calendar) and run:",
      "  npx next-week analyze --ics my-calendar.ics --me you@your-company.com [--settings settings.json] [--json]",
      "",
    ].join("\n"),
  );
}
