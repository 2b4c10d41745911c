package org.amity.complaints;

/** How much work a complaint needs (public API enumeration); SIMPLE ones may close by summary resolution (UK). */
public enum Complexity {
    SIMPLE, STANDARD, COMPLEX
}
