/**
 * The response-target rule in SQL, for every query that needs it (the inbox, the escalation sweep,
 * the report): `m` is a row of conversation_messages, `r` its category's row of feedback_routes.
 */
export const ROUTE_OF_MESSAGE = 'r.organization_id = m.organization_id AND r.category = m.category';

/** When the first response is due: received + the category's target in hours; null without one. */
export const DUE_AT = "m.received_at + r.response_target_hours * interval '1 hour'";

/** Still waiting for a first response after its due time (`now`: a parameter or now()). */
export const overdueSql = (now: string) => `(m.status = 'new' AND ${DUE_AT} < ${now})`;
