/** The audit trail: an append-only, hash-chained record of every staff and API decision and change. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.amity.audit;
