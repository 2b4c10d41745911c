/**
 * Shared platform: the business clock, the embedded PostgreSQL, money and identifiers, problem details and the web layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.amity.platform;
