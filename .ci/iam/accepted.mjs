// Paths the check expects to be denied but accepts as allowed, each with the reason. Nothing else
// may be waived: an unexpected result anywhere else is a problem.
export const acceptedAllowed = [
  {
    principal: "ecs.amazonaws.com",
    action: "sts:AssumeRole",
    reason: "AWS documents no condition keys for the trust of the ECS infrastructure role, and one ECS does not send would stop every blue/green deploy",
  },
  // The alarm topic's key: SNS calls KMS for the publisher, and AWS documents the key statement for
  // AWS services that publish to an encrypted topic without conditions (Amazon SNS Developer Guide,
  // "Enable compatibility between event sources from AWS services and encrypted topics"); a
  // kms:CallerAccount condition is reported to stop CloudWatch's publishes (AWS re:Post, "How does
  // the kms:CallerAccount condition work"). Who may publish is the topic policy's to say, and it
  // limits both services to this account (and CloudWatch to the stack's alarms).
  ...["cloudwatch.amazonaws.com", "budgets.amazonaws.com"].flatMap((principal) =>
    ["kms:GenerateDataKey", "kms:Decrypt"].map((action) => ({
      principal,
      action,
      reason: "the alarm topic's key names its publishers without conditions, as AWS documents for encrypted topics; the topic policy limits publishing to this account",
    })),
  ),
];

/** The reason a service's request for another account may be allowed, or undefined. */
export const acceptance = (principal, action) => acceptedAllowed.find((a) => a.principal === principal && a.action === action)?.reason;
