// Types of libraries that hand a function the AbortSignal of the work it is part of. A parameter
// declared with one of them carries a signal although no `signal` appears in the file: LangChain
// passes the caller's signal in a model's call options, a job runner its job's, an MCP server its
// request's. Each entry was read from the library's declaration of the type.

/** A name that holds an AbortSignal by convention: `signal`, `abortSignal`, `cancelSignal`. */
export const SIGNAL_NAME = /^(?:signal|abortSignal)$|Signal$/;

/** A library type that carries a signal, and the key it is under. */
export interface SignalCarrier {
  /** The module the type is imported from (the package name or a subpath of it). */
  module: RegExp;
  /** The type's exported name. */
  type: RegExp;
  /** The property of a value of that type that holds the signal. */
  key: string;
}

export const SIGNAL_CARRIERS: readonly SignalCarrier[] = [
  // @langchain/core: RunnableConfig has `signal?: AbortSignal`; every model's call options
  // (BaseLanguageModelCallOptions, BaseChatModelCallOptions, ChatOpenAICallOptions, …) extend it.
  {
    module: /^(?:@langchain\/[\w-]+|langchain)(?:\/|$)/,
    type: /^(?:RunnableConfig|\w*CallOptions)$/,
    key: 'signal',
  },
  // graphile-worker: a task's JobHelpers has `abortSignal?: AbortSignal` (aborted at shutdown).
  { module: /^graphile-worker$/, type: /^JobHelpers$/, key: 'abortSignal' },
  // Vercel AI SDK: a tool's `execute(input, options)` gets `abortSignal?: AbortSignal`.
  { module: /^ai$/, type: /^(?:ToolExecutionOptions|ToolCallOptions)$/, key: 'abortSignal' },
  // MCP SDK: a request handler's `extra` has `signal: AbortSignal` (the request's cancellation).
  { module: /^@modelcontextprotocol\/sdk(?:\/|$)/, type: /^RequestHandlerExtra$/, key: 'signal' },
];

/**
 * LangChain's models declare their call options as `this['ParsedCallOptions']` (or
 * `this['CallOptions']`) on the class: those carry `signal` like the types above.
 */
export const THIS_CALL_OPTIONS: ReadonlySet<string> = new Set(['ParsedCallOptions', 'CallOptions']);

/** The key under which a value of the type `name`, imported from `module`, carries a signal. */
export function signalCarrierKey(module: string, name: string): string | undefined {
  for (const carrier of SIGNAL_CARRIERS)
    if (carrier.module.test(module) && carrier.type.test(name)) return carrier.key;
  return undefined;
}
