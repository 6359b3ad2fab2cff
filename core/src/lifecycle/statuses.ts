/** The status families live with the model (so browser bundles can read them); lifecycle re-exports them. */
export { activeStatuses, closedStatuses, isClosedStatus, isOpenStatus, onHoldStatuses, openStatuses, withOfficerStatuses } from '../model/status-families';
