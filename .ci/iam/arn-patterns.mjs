// Matching of ARN patterns and condition key names, as the IAM reference writes them.
//
// A policy's Resource may hold wildcards (* and ?) and policy variables (${aws:username}); a
// resource type's ARN format holds placeholders (${Region}, ${LogGroupName}). Whether a Resource
// "matches a resource type" is whether some ARN fits both: the two patterns overlap. A placeholder
// stands for any non-empty text (the reference constrains none, and some names hold ':' or '/').

const star = { k: "star" };
const any = { k: "any" };
const char = (c) => ({ k: "c", c });

/** Tokens of a policy's Resource string: * and policy variables match any text, ? one character. */
export function policyPattern(text) {
  const tokens = [];
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith("${", i) && text.indexOf("}", i) > i) {
      tokens.push(star);
      i = text.indexOf("}", i);
    } else tokens.push(text[i] === "*" ? star : text[i] === "?" ? any : char(text[i]));
  }
  return tokens;
}

/** Tokens of a resource type's ARN format: each ${Placeholder} is any non-empty text. */
export function formatPattern(format) {
  const tokens = [];
  for (let i = 0; i < format.length; i++) {
    if (format.startsWith("${", i) && format.indexOf("}", i) > i) {
      tokens.push(any, star);
      i = format.indexOf("}", i);
    } else tokens.push(char(format[i]));
  }
  return tokens;
}

/** Whether some string matches both token patterns (a walk over the pair of positions). */
export function overlaps(a, b) {
  const seen = new Set();
  const todo = [[0, 0]];
  while (todo.length > 0) {
    const [i, j] = todo.pop();
    const key = `${i},${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === a.length && j === b.length) return true;
    // A star may match nothing.
    if (a[i]?.k === "star") todo.push([i + 1, j]);
    if (b[j]?.k === "star") todo.push([i, j + 1]);
    if (i === a.length || j === b.length) continue;
    // One character both accept; a star stays where it is after taking it.
    if (a[i].k === "star" && b[j].k === "star") continue;
    if (a[i].k === "c" && b[j].k === "c" && a[i].c !== b[j].c) continue;
    todo.push([a[i].k === "star" ? i : i + 1, b[j].k === "star" ? j : j + 1]);
  }
  return false;
}

/** Whether a policy Resource (wildcards allowed) can name an ARN of the given format. */
export const resourceFitsFormat = (resource, format) => overlaps(policyPattern(resource), formatPattern(format));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a condition key (aws:RequestTag/env, kms:EncryptionContext:aws:logs:arn) is an instance
 * of a key the reference names with a placeholder (aws:RequestTag/${TagKey},
 * kms:EncryptionContext:${EncryptionContextKey}, s3:RequestObjectTag/<key>, aws:ResourceTag/tag-key).
 * Condition key names are case-insensitive.
 */
export function keyMatches(referenceKey, key) {
  const parts = referenceKey.split(/(\$\{[^}]*\}|<[^>]*>|\/tag-key$)/);
  const source = parts.map((part, i) => (i % 2 === 0 ? escape(part) : part.startsWith("/") ? "/.+" : ".+")).join("");
  return new RegExp(`^${source}$`, "i").test(key);
}

/** An ARN's parts, or undefined for text that is no ARN. */
export function parseArn(text) {
  const match = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(text ?? "");
  return match ? { partition: match[1], service: match[2], region: match[3], account: match[4], resource: match[5] } : undefined;
}

/** The ARN format with its placeholders filled in; throws when one has no value. */
export function fillFormat(format, values) {
  return format.replace(/\$\{([^}]+)\}/g, (_, name) => {
    if (values[name] === undefined) throw new Error(`no value for \${${name}} in ${format}`);
    return values[name];
  });
}
