/** The IRC protocol, pure and shared by the server and the client. */
export * from "./casemapping.ts";
export * from "./limits.ts";
export * from "./line-buffer.ts";
export * from "./mask.ts";
export * from "./message.ts";
export * from "./names.ts";
export * from "./numerics.ts";
export * from "./split.ts";
export * from "./tags.ts";
