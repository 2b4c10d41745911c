/** Demo mode: staff and portal logins and a deterministic synthetic portfolio, loaded on the first start. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.amity.demo;
