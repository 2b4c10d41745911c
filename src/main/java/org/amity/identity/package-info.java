/** Staff users and roles, API clients, customer portal logins, and who the current caller is. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.amity.identity;
