// What a flow reports back to the inbox: it acted on the event, or left it alone and why.
export interface FlowOutcome {
  status: 'processed' | 'ignored';
  reason: string;
}
