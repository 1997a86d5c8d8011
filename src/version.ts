import pkg from "../package.json" with { type: "json" };

// The build embeds the version with --define; running from source falls back to package.json.
declare const NETWORKCOMM_VERSION: string | undefined;

export const VERSION: string = typeof NETWORKCOMM_VERSION === "string" ? NETWORKCOMM_VERSION : pkg.version;
