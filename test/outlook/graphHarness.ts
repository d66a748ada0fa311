import type { GraphClient as Client } from "../../addon/outlook/graphClient";
import { createGraphClient } from "../../addon/outlook/graphClient";
import type { RequestBudget } from "../../addon/outlook/requestBudget";
import { fixedTokenProvider, type TokenProvider } from "../../addon/outlook/tokenProvider";
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from "../../addon/node/dev/fakeGraphServer";
import { httpsFetch } from "./httpsFetch";
import { EVENTS, MAILBOX_SETTINGS } from "./fixtures/knownWeek";

export const TOKEN = "test-access-token";

export interface Harness {
  readonly fake: FakeGraph;
  readonly client: Client;
  /** The waits the retry handler asked for, in seconds (none are spent). */
  readonly waits: number[];
  /** A client with another token provider, against the same fake. */
  clientWith(tokens: TokenProvider): Client;
}

/** A fake Graph on 127.0.0.1 over https and a real Graph client pointed at it. */
export const startHarness = async (options: FakeGraphOptions = {}, budget?: RequestBudget): Promise<Harness> => {
  const fake = await startFakeGraph({ events: EVENTS, mailboxSettings: MAILBOX_SETTINGS, token: TOKEN, ...options });
  const waits: number[] = [];
  const clientWith = (tokens: TokenProvider) =>
    createGraphClient({
      tokens,
      baseUrl: fake.url,
      fetch: httpsFetch(fake.ca),
      ...(budget ? { budget } : {}),
      retry: {
        sleep: async (seconds) => {
          waits.push(seconds);
        },
      },
    });
  return { fake, client: clientWith(fixedTokenProvider(TOKEN)), waits, clientWith };
};
