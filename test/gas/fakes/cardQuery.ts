/**
 * Reading recorded cards the way a seller sees them: texts, buttons, actions, sections.
 */
import { isRecorded, type Recorded } from "./cardService";

/** The last argument given to `method` on a record, or undefined. */
export const arg = (r: Recorded, method: string, index = 0): unknown => {
  for (let i = r.calls.length - 1; i >= 0; i--) if (r.calls[i]!.method === method) return r.calls[i]!.args[index];
  return undefined;
};

/** Every record reachable from `root`, depth first, in call order (root included). */
export const descendants = (root: unknown): Recorded[] => {
  const out: Recorded[] = [];
  const visit = (v: unknown) => {
    if (isRecorded(v)) {
      out.push(v);
      for (const c of v.calls) for (const a of c.args) visit(a);
    } else if (Array.isArray(v)) v.forEach(visit);
  };
  visit(root);
  return out;
};

/** Every text set anywhere under `root` (as given to CardService, markup included). */
export const texts = (root: unknown): string[] =>
  descendants(root).flatMap((r) =>
    r.calls.filter((c) => ["setText", "setTopLabel", "setBottomLabel", "setTitle", "setSubtitle", "setHeader", "setHint", "setValue"].includes(c.method)).flatMap((c) => (typeof c.args[0] === "string" ? [c.args[0]] : [])),
  );

/** All texts joined: handy for `toContain`. */
export const allText = (root: unknown): string => texts(root).join("\n");

export interface ActionInfo {
  readonly functionName: string;
  readonly parameters: Record<string, string>;
}

const actionInfo = (a: Recorded): ActionInfo => ({
  functionName: String(arg(a, "setFunctionName")),
  parameters: (arg(a, "setParameters") as Record<string, string> | undefined) ?? {},
});

/** Every action under `root`. */
export const actions = (root: unknown): ActionInfo[] => descendants(root).filter((r) => r.kind === "Action").map(actionInfo);

export interface ButtonInfo {
  readonly text: string;
  readonly altText: string | undefined;
  readonly action: ActionInfo;
}

/** Every text button under `root`, with its action. */
export const buttons = (root: unknown): ButtonInfo[] =>
  descendants(root)
    .filter((r) => r.kind === "TextButton")
    .map((b) => ({ text: String(arg(b, "setText")), altText: arg(b, "setAltText") as string | undefined, action: actionInfo(arg(b, "setOnClickAction") as Recorded) }));

/** The sections of a built card, in order. */
export const sections = (card: Recorded): Recorded[] => card.calls.filter((c) => c.method === "addSection").map((c) => c.args[0] as Recorded);

/** The widgets of a section, in order. */
export const widgets = (section: Recorded): Recorded[] => section.calls.filter((c) => c.method === "addWidget").map((c) => c.args[0] as Recorded);

/** The section whose header is `header`. */
export const section = (card: Recorded, header: string): Recorded | undefined => sections(card).find((s) => arg(s, "setHeader") === header);

/** The card's name (`setName`). */
export const cardName = (card: Recorded): string | undefined => arg(card, "setName") as string | undefined;

/** What an action handler answered: the card it shows, its notification, whether the calendar changed. */
export const response = (res: unknown) => {
  if (!isRecorded(res)) throw new Error("not a recorded response");
  const navigation = arg(res, "setNavigation") as Recorded | undefined;
  const notification = arg(res, "setNotification") as Recorded | undefined;
  const shown = navigation ? ((arg(navigation, "updateCard") ?? arg(navigation, "pushCard")) as Recorded | undefined) : undefined;
  const universal = arg(res, "displayAddOnCards") as Recorded[] | undefined;
  return {
    kind: res.kind,
    card: shown ?? universal?.[0],
    navigation: navigation ? navigation.calls.map((c) => c.method) : [],
    notification: notification ? (arg(notification, "setText") as string) : undefined,
    stateChanged: arg(res, "setStateChanged") === true,
  };
};

const ALLOWED_TAG = /<\/?(b|i|u|s|br|font(\s+color="#[0-9a-fA-F]{6}")?)>/g;

/**
 * What a seller sees for a CardService HTML text: the allowed formatting tags dropped, entities
 * decoded. Throws when the text holds any other tag (say `<a href>`): that would be markup the
 * add-on did not mean to write.
 */
export const visible = (html: string): string => {
  const rest = html.replace(/<br>/g, "\n").replace(ALLOWED_TAG, "");
  const stray = /<[a-zA-Z/!]/.exec(rest);
  if (stray) throw new Error(`unexpected markup in card text: ${html}`);
  return rest.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
};
