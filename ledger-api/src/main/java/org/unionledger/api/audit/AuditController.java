package org.unionledger.api.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionledger.api.security.Role;
import org.unionledger.api.security.AccessScopes;
import org.unionledger.eventstore.EventSeal;

/** Tamper evidence over HTTP: seal what is new, and verify the whole store. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

	private final EventSeal seal;

	private final AccessScopes access;

	public AuditController(EventSeal seal, AccessScopes access) {
		this.seal = seal;
		this.access = access;
	}

	/** Seals every commit written since the last seal and records a signed digest. */
	@PostMapping("/seal")
	public EventSeal.SealResult seal() {
		this.access.requireRole("seal the event store", Role.AUDITOR, Role.SYSTEM_ADMIN);
		return this.seal.seal();
	}

	/**
	 * Recomputes the hash chain and every signed digest from the stored events and names
	 * the first position that does not match.
	 */
	@GetMapping("/verification")
	public EventSeal.VerificationReport verify() {
		this.access.requireRole("verify the event store", Role.AUDITOR, Role.SYSTEM_ADMIN);
		return this.seal.verify();
	}

}
