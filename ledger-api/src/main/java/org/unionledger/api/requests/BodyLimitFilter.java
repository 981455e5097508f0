package org.unionledger.api.requests;

import static org.axonframework.common.ExceptionUtils.findException;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unionledger.api.problems.PayloadTooLargeException;
import org.unionledger.api.problems.ProblemWriter;
import org.unionledger.common.Rule;

/**
 * The outermost guard of every request. Refuses bodies over the limit with 413
 * {@code PAYLOAD_TOO_LARGE}: at once when the declared length is too large, otherwise
 * while the body is read (chunked bodies). And it turns refusals raised in filters,
 * outside any controller (the firewall's verdict on a parameter name, a form or multipart
 * body that cannot be parsed), into 400 problems instead of letting them surface as
 * server errors.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

	private final RequestProperties limits;

	private final ProblemWriter problems;

	BodyLimitFilter(RequestProperties limits, ProblemWriter problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = this.limits.limitFor(request.getRequestURI());
		if (request.getContentLengthLong() > limit) {
			response.setHeader("Connection", "close");
			this.problems.write(request, response, Rule.PAYLOAD_TOO_LARGE, null,
					"the request body exceeds " + limit + " bytes");
			return;
		}
		try {
			chain.doFilter(new Limited(request, limit), response);
		}
		catch (RuntimeException | ServletException | IOException ex) {
			if (!refusal(request, response, ex)) {
				throw ex;
			}
		}
	}

	private boolean refusal(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
		Throwable cause = findException(ex, BodyLimitFilter::refused).orElse(null);
		if (cause == null) {
			return false;
		}
		if (cause instanceof PayloadTooLargeException tooLarge) {
			this.problems.write(request, response, Rule.PAYLOAD_TOO_LARGE, null, tooLarge.getMessage());
		}
		else if (cause instanceof RequestRejectedException) {
			this.problems.write(request, response, Rule.REQUEST_REJECTED, null,
					"the request's URL, parameters or headers are not acceptable");
		}
		else if (cause instanceof HttpMessageNotReadableException) {
			this.problems.write(request, response, Rule.MALFORMED_BODY, null, "the request body cannot be read");
		}
		else {
			this.problems.write(request, response, Rule.MALFORMED_MULTIPART, null,
					"the multipart request is malformed");
		}
		return true;
	}

	/** Whether the failure is a refusal of the request, not a fault of the server. */
	private static boolean refused(Throwable cause) {
		return cause instanceof PayloadTooLargeException || cause instanceof RequestRejectedException
				|| cause instanceof HttpMessageNotReadableException || cause instanceof MultipartException
				|| cause.getClass().getName().contains("FileUpload");
	}

	/** A request whose body stream fails once more than the limit was read. */
	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
					: StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.limit) {
				throw new PayloadTooLargeException("the request body exceeds " + this.limit + " bytes");
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
