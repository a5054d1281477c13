/** The application: Inkan's use cases and the ports through which they reach the world. */
package dev.inkan.application;
