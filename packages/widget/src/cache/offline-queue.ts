import type { VerifyRequest } from '@serialkit/core';
import type { VerifyAnswer } from '../api/answers.js';
import { ApiError, isTransient } from '../api/api-error.js';
import type { ApiClient } from '../api/client.js';
import { openDatabase, type QueuedCheck } from './database.js';

/** Checks older than this are dropped instead of sent: the customer has moved on. */
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;

/** Stores a verification to send when the browser is back online; resolves to its id. */
export async function enqueueCheck(
  endpoint: string,
  request: VerifyRequest,
): Promise<number | undefined> {
  try {
    const db = await openDatabase();
    return await db?.add('queue', { endpoint, request, queuedAt: Date.now() });
  } catch {
    return undefined;
  }
}

/** The queued checks of an endpoint, oldest first; drops the expired ones. */
export async function queuedChecks(endpoint: string): Promise<QueuedCheck[]> {
  try {
    const db = await openDatabase();
    if (!db) return [];
    const checks = await db.getAllFromIndex('queue', 'endpoint', endpoint);
    const now = Date.now();
    const expired = checks.filter((check) => now - check.queuedAt > MAX_AGE_MS);
    await Promise.all(expired.map((check) => db.delete('queue', check.id!)));
    return checks
      .filter((check) => now - check.queuedAt <= MAX_AGE_MS)
      .sort((a, b) => a.id! - b.id!);
  } catch {
    return [];
  }
}

/** Removes a check once the service has answered it. */
export async function removeQueuedCheck(id: number): Promise<void> {
  try {
    await (await openDatabase())?.delete('queue', id);
  } catch {
    // Sent twice at worst.
  }
}

/** The service's answer to a queued check, handed to every listening element. */
export interface QueuedCheckAnswer {
  check: QueuedCheck;
  result?: VerifyAnswer;
  error?: ApiError;
  /** Set by the element that shows the answer, so that only one does. */
  claimed: boolean;
}

const listeners = new Set<(answer: QueuedCheckAnswer) => void>();

/** Calls `listener` with every answer to a queued check; returns the unsubscribe function. */
export function onQueuedCheckAnswered(listener: (answer: QueuedCheckAnswer) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const flushing = new Map<string, Promise<void>>();

/**
 * Sends the queued checks of an endpoint, oldest first, and hands each answer to the listeners.
 * Stops at the first transient failure (still offline, rate limited) and keeps the rest for the
 * next `online` event or page load. Several elements may call it at once: one flush runs.
 */
export function flushQueue(endpoint: string, api: ApiClient): Promise<void> {
  const running = flushing.get(endpoint);
  if (running) return running;
  const task = (async () => {
    for (const check of await queuedChecks(endpoint)) {
      const answer: QueuedCheckAnswer = { check, claimed: false };
      try {
        answer.result = await api.verify(check.request);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (isTransient(error)) return;
        answer.error = error;
      }
      await removeQueuedCheck(check.id!);
      for (const listener of listeners) listener(answer);
    }
  })().finally(() => flushing.delete(endpoint));
  flushing.set(endpoint, task);
  return task;
}
