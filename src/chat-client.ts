// Placeholder entry until the client lands (issue 5).
import { VERSION } from "./version.ts";

if (process.argv.includes("--version")) console.log(`chat-client ${VERSION}`);
else console.log("usage: chat-client [--version]");
