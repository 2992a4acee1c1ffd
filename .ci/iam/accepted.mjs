// Paths the check expects to be denied but accepts as allowed, each with the reason. Nothing else
// may be waived: an unexpected result anywhere else is a problem.
export const acceptedAllowed = [
  {
    principal: "ecs.amazonaws.com",
    action: "sts:AssumeRole",
    reason: "AWS documents no condition keys for the trust of the ECS infrastructure role, and one ECS does not send would stop every blue/green deploy",
  },
];

/** The reason a service's request for another account may be allowed, or undefined. */
export const acceptance = (principal, action) => acceptedAllowed.find((a) => a.principal === principal && a.action === action)?.reason;
