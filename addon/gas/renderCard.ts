import type { CardView } from "../../shared";
import { breakdownSections, ignoredSection } from "./breakdownSections";
import { COLORS, noticeSection, paragraph, type Card, type Cards, type Notice, type Section } from "./cardParts";
import { bold, colored } from "./escape";
import { firstRunSection } from "./firstRunSection";
import { scoreSection } from "./scoreSection";
import { spotsSection } from "./spotsSection";
import { trendSection } from "./trendSection";
import { weekFooter } from "./weekNavigation";
import { whoToMeetSection } from "./whoToMeetSection";

const verdictSection = (cards: Cards, view: CardView): Section =>
  cards.newCardSection().addWidget(paragraph(cards, view.onTrack ? colored(view.verdict, COLORS.good) : bold(view.verdict)));

/**
 * The week's card (spec §4, in its order) from the core's CardView: header (week, zone) and the
 * verdict; score; who to meet; blank spots; trend; breakdown; counted as nothing; first run; and
 * the fixed footer with Settings and week navigation. Every string comes from the view and is
 * escaped; nothing is computed or worded here.
 */
export const renderWeekCard = (cards: Cards, view: CardView, notice: Notice | null = null): Card => {
  const card = cards.newCardBuilder().setName("week").setHeader(cards.newCardHeader().setTitle(view.title).setSubtitle(view.zoneLabel));
  const sections: (Section | null)[] = [
    notice ? noticeSection(cards, notice) : null,
    verdictSection(cards, view),
    scoreSection(cards, view),
    whoToMeetSection(cards, view),
    spotsSection(cards, view),
    trendSection(cards, view),
    ...breakdownSections(cards, view),
    ignoredSection(cards, view),
    firstRunSection(cards, view),
  ];
  for (const s of sections) if (s) card.addSection(s);
  return card.setFixedFooter(weekFooter(cards, view)).build();
};
