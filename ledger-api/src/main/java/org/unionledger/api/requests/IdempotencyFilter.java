package org.unionledger.api.requests;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.unionledger.api.problems.PayloadTooLargeException;
import org.unionledger.api.problems.ProblemWriter;
import org.unionledger.common.Rule;

/**
 * {@code Idempotency-Key} on POSTs: the first request with a key runs and its answer is
 * kept; the same key with the same request gives that answer again and writes nothing
 * new; the same key with another request is a 422 {@link Rule#IDEMPOTENCY_KEY_REUSED};
 * while the first is still running a repeat gets 409
 * {@link Rule#IDEMPOTENCY_KEY_IN_PROGRESS}.
 * <p>
 * Records live in {@code api_idempotency}, keyed by {@code _id} = SHA-256 of the user and
 * the key (so users never see each other's answers; the public form uses the client
 * address), holding the request's SHA-256 (method, path, query, content type and body, a
 * multipart body part by part so the boundary does not count) and the answer: status,
 * content type, location and body. Answers of 5xx are not kept, so the client may retry.
 * Bodies of POST answers never hold personal data.
 * <p>
 * Answers expire ({@link IdempotencyRetention}): after
 * {@code ledger.requests.idempotency-retention} the same key is a 422
 * {@link Rule#IDEMPOTENCY_KEY_EXPIRED} and the request is not run again.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String COLLECTION = "api_idempotency";

	private final MongoCollection<Document> records;

	private final ProblemWriter problems;

	private final Clock clock;

	private final IdempotencyRetention retention;

	IdempotencyFilter(MongoDatabase database, ProblemWriter problems, Clock clock, IdempotencyRetention retention) {
		this.records = database.getCollection(COLLECTION);
		this.problems = problems;
		this.clock = clock;
		this.retention = retention;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (!key.matches("[\\x21-\\x7e]{1,200}")) {
			this.problems.write(request, response, Rule.IDEMPOTENCY_KEY_FORMAT, HEADER,
					"Idempotency-Key must be 1 to 200 visible ASCII characters");
			return;
		}
		HttpServletRequest replayable;
		String requestHash;
		try {
			if (isMultipart(request)) {
				replayable = request;
				requestHash = multipartHash(request);
			}
			else {
				byte[] body = request.getInputStream().readAllBytes();
				replayable = new CachedBody(request, body);
				requestHash = hash(request, body);
			}
		}
		catch (PayloadTooLargeException ex) {
			this.problems.write(request, response, Rule.PAYLOAD_TOO_LARGE, null, ex.getMessage());
			return;
		}
		catch (IllegalStateException | ServletException | IOException ex) {
			this.problems.write(request, response, Rule.MALFORMED_MULTIPART, null,
					"the multipart request is malformed or too large");
			return;
		}
		String id = sha256Hex((user(request) + "\n" + key).getBytes(StandardCharsets.UTF_8));
		Document existing = this.records.find(Filters.eq("_id", id)).first();
		if (existing == null) {
			try {
				this.records.insertOne(new Document("_id", id).append("state", "RUNNING")
					.append("requestHash", requestHash)
					.append("createdAt", Date.from(this.clock.instant())));
			}
			catch (MongoWriteException ex) {
				existing = this.records.find(Filters.eq("_id", id)).first();
				if (existing == null) {
					throw ex;
				}
			}
		}
		if (existing != null) {
			answerFrom(existing, requestHash, request, response);
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(replayable, recorded);
			if (recorded.getStatus() < 500) {
				this.records.replaceOne(Filters.eq("_id", id),
						new Document("_id", id).append("state", "DONE")
							.append("requestHash", requestHash)
							.append("createdAt", Date.from(this.clock.instant()))
							.append("status", recorded.getStatus())
							.append("contentType", recorded.getContentType())
							.append("location", recorded.getHeader(HttpHeaders.LOCATION))
							.append("body", new Binary(recorded.getContentAsByteArray())));
				kept = true;
			}
		}
		finally {
			if (!kept) {
				this.records.deleteOne(Filters.eq("_id", id));
			}
			recorded.copyBodyToResponse();
		}
	}

	private void answerFrom(Document existing, String requestHash, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (!requestHash.equals(existing.getString("requestHash"))) {
			this.problems.write(request, response, Rule.IDEMPOTENCY_KEY_REUSED, HEADER,
					"this Idempotency-Key was used for another request");
			return;
		}
		if (this.retention.expired(existing)) {
			this.problems.write(request, response, Rule.IDEMPOTENCY_KEY_EXPIRED, HEADER,
					"the answer to this Idempotency-Key has expired and the request is not run again; "
							+ "send it with a new key if it is meant to run again");
			return;
		}
		if (!"DONE".equals(existing.getString("state"))) {
			this.problems.write(request, response, Rule.IDEMPOTENCY_KEY_IN_PROGRESS, HEADER,
					"the first request with this Idempotency-Key is still running");
			return;
		}
		response.setStatus(existing.getInteger("status"));
		if (existing.getString("contentType") != null) {
			response.setContentType(existing.getString("contentType"));
		}
		if (existing.getString("location") != null) {
			response.setHeader(HttpHeaders.LOCATION, existing.getString("location"));
		}
		response.setHeader("Idempotent-Replayed", "true");
		byte[] body = existing.get("body", Binary.class).getData();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String user(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getPrincipal())) {
			return "user:" + authentication.getName();
		}
		return "address:" + request.getRemoteAddr();
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		MessageDigest digest = sha256();
		digest.update(prelude(request, request.getContentType()));
		digest.update(body);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String multipartHash(HttpServletRequest request) throws IOException, ServletException {
		MessageDigest digest = sha256();
		digest.update(prelude(request, "multipart"));
		for (Part part : request.getParts()) {
			digest.update(
					("\n--" + part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType() + "\n")
						.getBytes(StandardCharsets.UTF_8));
			try (InputStream in = part.getInputStream()) {
				digest.update(in.readAllBytes());
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static byte[] prelude(HttpServletRequest request, String contentType) {
		return (request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n"
				+ contentType + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String sha256Hex(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes));
	}

	/** The request with its body read once and served again from memory. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
