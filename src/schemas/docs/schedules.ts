import { CREATED_AT, CREATED_BY, type DocsOf, envelope, ORG_ID, PARTIAL_UPDATE, UPDATED_AT } from './shared.js';

const ZONE = 'The IANA time zone its handoff times are read in (`America/New_York`).';
const schedule = {
  id: 'The schedule’s id.',
  orgId: ORG_ID,
  name: 'The schedule’s name.',
  description: 'Free text, or `null`.',
  timezone: ZONE,
  createdBy: CREATED_BY,
  createdAt: CREATED_AT,
  updatedAt: UPDATED_AT,
};
const layerFields = {
  name: 'The layer’s name, unique in the schedule.',
  rotationType: 'How often the participants hand off.',
  rotationLengthDays: 'Days between handoffs: 1 for a `daily` rotation, 7 for a `weekly` one, any for `custom`.',
  handoffTime: 'The time of day of each handoff, `HH:MM` (24-hour), in the schedule’s time zone.',
  effectiveFrom: 'When the layer takes effect: the first participant is on call from then until the first handoff.',
  effectiveUntil: 'When the layer stops, after `effectiveFrom`; `null` or omitted: it never stops.',
  participantIds: 'The members who take turns, in order, no id twice.',
};

export const scheduleDocs: DocsOf<
  | 'SchedulePathParams'
  | 'ScheduleLayerPathParams'
  | 'TimeZone'
  | 'ScheduleCreateParams'
  | 'ScheduleUpdateParams'
  | 'ScheduleReplaceParams'
  | 'RotationType'
  | 'ScheduleLayerCreateParams'
  | 'ScheduleLayerUpdateParams'
  | 'ScheduleLayerReplaceParams'
  | 'ScheduleLayerReorderParams'
  | 'ScheduleResolveQuery'
  | 'ScheduleResolveParams'
  | 'Schedule'
  | 'ScheduleLayer'
  | 'ScheduleWithLayers'
  | 'ScheduleResolution'
  | 'ScheduleResponse'
  | 'ScheduleWithLayersResponse'
  | 'ScheduleListResponse'
  | 'ScheduleLayerResponse'
  | 'ScheduleLayerListResponse'
  | 'ScheduleResolutionResponse'
> = {
  SchedulePathParams: { summary: 'The path parameters of `/oncall/schedules/{scheduleId}`.', fields: { scheduleId: 'The schedule’s id.' } },
  ScheduleLayerPathParams: {
    summary: 'The path parameters of `/oncall/schedules/{scheduleId}/layers/{layerId}`.',
    fields: { scheduleId: 'The schedule’s id.', layerId: 'The rotation layer’s id.' },
  },
  TimeZone: {
    summary: 'An IANA time zone name the platform knows (`America/New_York`, `UTC`): not an offset (`UTC+5`) nor an abbreviation (`EST`).',
  },
  ScheduleCreateParams: {
    summary: 'The body of `schedules.create`.',
    fields: { name: 'The schedule’s name.', description: 'Free text; `null` or omitted for none.', timezone: ZONE },
  },
  ScheduleUpdateParams: {
    summary: `The body of \`schedules.update\`. ${PARTIAL_UPDATE}`,
    fields: {
      name: 'The schedule’s name.',
      description: 'Free text; `null` clears it.',
      timezone: `${ZONE} Every layer’s handoff time is read in the new zone from then on.`,
    },
  },
  ScheduleReplaceParams: {
    summary: 'The body of `schedules.replace`: the whole schedule. An omitted `description` clears it, as `null` does.',
    fields: { name: 'The schedule’s name.', description: 'Free text; `null` or omitted for none.', timezone: ZONE },
  },
  RotationType: { summary: 'How often a rotation layer hands off: `daily`, `weekly`, or every `rotationLengthDays` (`custom`).' },
  ScheduleLayerCreateParams: {
    summary: 'The body of `schedules.layers.create`: a rotation layer, added after the last one.',
    fields: layerFields,
  },
  ScheduleLayerUpdateParams: {
    summary: `The body of \`schedules.layers.update\`. ${PARTIAL_UPDATE} The rules between fields apply to the layer as it will be.`,
    fields: { ...layerFields, effectiveUntil: 'When the layer stops, after `effectiveFrom`; `null` removes the end.' },
  },
  ScheduleLayerReplaceParams: {
    summary: 'The body of `schedules.layers.replace`: every field, as for a create. The layer keeps its id and position.',
    fields: layerFields,
  },
  ScheduleLayerReorderParams: {
    summary: 'The body of `schedules.layers.reorder`.',
    fields: { layerIds: 'Every layer id of the schedule, each once, in the new order: positions are numbered again from 0.' },
  },
  ScheduleResolveQuery: {
    summary: 'The query of `GET /oncall/schedules/{scheduleId}/resolve`, as it is sent.',
    fields: { at: 'The instant to resolve; now when absent.' },
  },
  ScheduleResolveParams: {
    summary: 'What `schedules.resolve` takes.',
    fields: { at: 'The instant to resolve, sent as ISO 8601; now when absent.' },
  },
  Schedule: { summary: 'An on-call schedule: rotation layers that say who is on call when.', fields: schedule },
  ScheduleLayer: {
    summary: 'A rotation layer of a schedule: members taking turns on call.',
    fields: {
      id: 'The layer’s id.',
      scheduleId: 'The schedule it belongs to.',
      orgId: ORG_ID,
      name: 'The layer’s name, unique in the schedule.',
      position: 'Its place in the schedule, 0-based: the layer at position 0 gives the schedule its owner.',
      rotationType: 'How often the participants hand off.',
      rotationLengthDays: 'Days between handoffs.',
      handoffTime: 'The time of day of each handoff, `HH:MM`, in the schedule’s time zone.',
      effectiveFrom: 'When the layer takes effect (ISO 8601).',
      effectiveUntil: 'When it stops (ISO 8601), or `null` for never.',
      participantIds: 'The members who take turns, in order.',
      createdAt: CREATED_AT,
      updatedAt: UPDATED_AT,
    },
  },
  ScheduleWithLayers: {
    summary: 'One schedule as `schedules.get` returns it: with its rotation layers.',
    fields: { ...schedule, layers: 'Its rotation layers, in position order.' },
  },
  ScheduleResolution: {
    summary: 'Who is on call at an instant: the owner, everyone a schedule target pages, and each layer’s person.',
    fields: {
      at: 'The instant resolved (ISO 8601).',
      owner: 'The owner: the on-call person of the layer at position 0, or of the next layer in effect; `null` when none is.',
      pagingTargets: 'Who a schedule target pages: the on-call person of every layer in effect, in position order, once each.',
      layers: 'Every layer, in position order.',
      'layers.layerId': 'The layer’s id.',
      'layers.position': 'Its position.',
      'layers.userId': 'Who is on call on it, or `null` when it is not in effect.',
    },
  },
  ScheduleResponse: envelope('Schedule', 'The schedule.'),
  ScheduleWithLayersResponse: envelope('ScheduleWithLayers', 'The schedule, with its layers.'),
  ScheduleListResponse: envelope('Schedule[]', 'Every schedule of the organization.'),
  ScheduleLayerResponse: envelope('ScheduleLayer', 'The rotation layer.'),
  ScheduleLayerListResponse: envelope('ScheduleLayer[]', 'The rotation layers, in position order.'),
  ScheduleResolutionResponse: envelope('ScheduleResolution', 'Who is on call.'),
};
