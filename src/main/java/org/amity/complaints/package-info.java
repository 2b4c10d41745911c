/**
 * Complaint cases: intake, triage, SLA clocks on working-day calendars, department routing, consented
 * home-verification visits, resolution, re-review, mediation, regulator escalation, surveys and the case-file export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Complaints")
package org.amity.complaints;
