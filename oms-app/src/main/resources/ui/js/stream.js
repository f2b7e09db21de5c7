// The event stream (Server-Sent Events) read through fetch(), so the API key goes in a header
// (EventSource cannot send one). After a dropped connection it reconnects with Last-Event-ID and the
// server replays every order event since; the caller refreshes what is not replayed (positions, states).
import { authHeaders } from './api.js';

const RETRY_MILLIS = [500, 1000, 2000, 4000, 5000];
const STALL_MILLIS = 40_000; // the server writes a comment every 15 s; silence this long means a dead link

/**
 * @typedef {{event: string, id: string|null, data: string}} StreamEvent
 * @typedef {'connecting'|'live'|'reconnecting'|'stopped'} StreamState
 */

export class EventStream {
  /**
   * @param {(event: StreamEvent) => void} onEvent
   * @param {(state: StreamState, detail: string) => void} onState
   * @param {() => void} onResumed  after a reconnect: re-read what the stream does not replay
   */
  constructor(onEvent, onState, onResumed) {
    this.onEvent = onEvent;
    this.onState = onState;
    this.onResumed = onResumed;
    /** @type {string|null} */
    this.lastEventId = null;
    this.lastActivity = 0;
    this.lastRecordedAt = null;
    this.stopped = false;
    this.failures = 0;
    this.controller = null;
  }

  start() {
    this.stopped = false;
    this.loop();
  }

  stop() {
    this.stopped = true;
    this.controller?.abort();
    this.onState('stopped', '');
  }

  async loop() {
    let connectedBefore = false;
    while (!this.stopped) {
      this.onState(connectedBefore ? 'reconnecting' : 'connecting', '');
      try {
        await this.readOnce(() => {
          if (connectedBefore) {
            this.onResumed();
          }
          connectedBefore = true;
          this.failures = 0;
          this.onState('live', '');
        });
      } catch (e) {
        if (this.stopped) {
          return;
        }
        if (e && e.status === 401) {
          this.onState('stopped', 'the API key is no longer valid');
          return;
        }
      }
      if (this.stopped) {
        return;
      }
      this.onState('reconnecting', '');
      const wait = RETRY_MILLIS[Math.min(this.failures, RETRY_MILLIS.length - 1)];
      this.failures += 1;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** @param {() => void} onOpen */
  async readOnce(onOpen) {
    this.controller = new AbortController();
    const headers = { ...authHeaders(), Accept: 'text/event-stream' };
    if (this.lastEventId !== null) {
      headers['Last-Event-ID'] = this.lastEventId;
    }
    const response = await fetch('/api/v1/events', {
      headers,
      cache: 'no-store',
      signal: this.controller.signal,
    });
    if (!response.ok || !response.body) {
      throw { status: response.status };
    }
    onOpen();
    this.lastActivity = Date.now();
    const watchdog = setInterval(() => {
      if (Date.now() - this.lastActivity > STALL_MILLIS) {
        this.controller.abort();
      }
    }, 5000);
    try {
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        this.lastActivity = Date.now();
        buffer += value;
        let end;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          this.dispatch(block);
        }
      }
    } finally {
      clearInterval(watchdog);
    }
  }

  /** One SSE block: "event:", "id:", "data:" lines, or a comment (": ..."). @param {string} block */
  dispatch(block) {
    let event = 'message';
    let id = null;
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) {
        // The first comment names the journal position the stream starts after: resume from there.
        const start = /events after journal sequence (\d+)/.exec(line);
        if (start && this.lastEventId === null) {
          this.lastEventId = start[1];
        }
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') {
        event = value;
      } else if (field === 'id') {
        id = value;
      } else if (field === 'data') {
        data.push(value);
      }
    }
    if (data.length === 0) {
      return;
    }
    if (id !== null) {
      this.lastEventId = id;
    }
    this.onEvent({ event, id, data: data.join('\n') });
  }
}
