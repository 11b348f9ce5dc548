// Code of an application that pages people when its checks fail: the kind of code you would test
// with the mock (see `alert-router.test.ts` next to it).
import { ScalingConnectionError, ScalingServerError, type Incident, type Scaling, type Severity } from '@scaling-cloud/sdk';

export type Alert = { service: string; severity: Severity; summary: string };
export type RouterConfig = { policyByService: Readonly<Record<string, string>> };

/**
 * Opens an incident under the service's escalation policy. When the incident API itself is down,
 * returns `null` so that the caller can use its fallback channel instead of failing the alert.
 */
export const routeAlert = async (scaling: Scaling, alert: Alert, config: RouterConfig): Promise<Incident | null> => {
  const escalationPolicyId = config.policyByService[alert.service];
  if (!escalationPolicyId) throw new Error(`No escalation policy for ${alert.service}`);
  try {
    return await scaling.incidents.create({ title: `${alert.service}: ${alert.summary}`, severity: alert.severity, escalationPolicyId });
  } catch (error) {
    if (error instanceof ScalingServerError || error instanceof ScalingConnectionError) return null;
    throw error;
  }
};
