// The timeline's requests relayed to the language server: one table from each webview request
// (src/protocol/webview.ts WebviewRequests) to the LSP request that answers it. The table's type
// ties params and results together, so a request without its LSP twin, or with another result
// type, is a compile error.
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestType } from 'vscode-languageserver-protocol';
import { runRequest, runsRequest, stepRequest, stepsRequest } from '../../protocol/lsp';
import type { HostToWebview, RequestKind, RequestParams, RequestResult, ResponsePayload, WebviewRequest } from '../../protocol/webview';

type LspTwin = { [K in RequestKind]: RequestType<RequestParams<K> & { uri: string }, RequestResult<K>, void> };

const LSP: LspTwin = { getRuns: runsRequest, getRun: runRequest, getSteps: stepsRequest, getStep: stepRequest };

/** Most steps one page request may ask for (a page of the list is 100; a scan asks for 2,000). */
const MAX_STEPS = 2000;

type Client = Pick<LanguageClient, 'sendRequest'>;

/** Asks the language server one of the timeline's requests about document `uri`. */
export async function ask<K extends RequestKind>(client: Client, uri: string, kind: K, p: RequestParams<K>): Promise<RequestResult<K>> {
  const params = { ...p, uri } as RequestParams<K> & { uri: string };
  if ('count' in params && typeof params.count === 'number') params.count = Math.min(MAX_STEPS, params.count);
  // The table's type pairs this entry's params and result; the client's overloads cannot see that
  // through an indexed generic, so the call is made on the erased type.
  const request = LSP[kind] as RequestType<unknown, unknown, void>;
  return (await client.sendRequest(request, params)) as RequestResult<K>;
}

/** A webview request's answer about document `uri`, as the message that carries it back. */
export async function relay<K extends RequestKind>(client: Client, uri: string, m: WebviewRequest<K>): Promise<HostToWebview> {
  const { type, requestId, ...rest } = m as WebviewRequest<RequestKind>;
  try {
    const result = await ask(client, uri, type as K, rest as RequestParams<K>);
    return { type: 'response', requestId, payload: { kind: type, result } as ResponsePayload };
  } catch (e) {
    return { type: 'responseError', requestId, message: e instanceof Error ? e.message : String(e) };
  }
}
