/** Plugin discovery with {@link java.util.ServiceLoader}, from the boot layer and from a plugins folder. */
package org.dmftlab.core.registry;
