/**
 * The loan ledger: customers and contact points, loans and repayment schedules, payments and their allocation,
 * payment claims, loan applications, and delinquency as of any instant.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.amity.ledger;
