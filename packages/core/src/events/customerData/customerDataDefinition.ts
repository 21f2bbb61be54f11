import { defineEvent } from '../shared/defineEvent'
import { buildCustomerData } from './buildCustomerData'
import { customerDataWire } from './customerDataSchema'

/** The `CustomerData` event: who the visitor is (GeneralInfo only). */
export const customerDataDefinition = defineEvent({
  wire: customerDataWire,
  build: buildCustomerData,
})
