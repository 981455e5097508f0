package org.unionledger.api.applications;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.unionledger.api.problems.ProblemWriter;
import org.unionledger.common.Rule;

/**
 * A small in-memory token bucket per client address for the public form: every request
 * takes a token, valid or not, before its body is even read; an empty bucket answers 429
 * {@code RATE_LIMITED} with {@code Retry-After}. The client address is the connection's
 * ({@code getRemoteAddr}); behind a proxy, configure Tomcat's remote-IP valve so that it
 * is the client's. At most {@value #MAX_ADDRESSES} addresses are tracked, the least
 * recently seen dropped first. Per node: several nodes each allow the rate.
 */
@Component
public class RateLimiter implements HandlerInterceptor {

	static final int MAX_ADDRESSES = 10_000;

	private final int capacity;

	private final double tokensPerMilli;

	private final Clock clock;

	private final ProblemWriter problems;

	private final Map<String, double[]> buckets = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
			return size() > MAX_ADDRESSES;
		}
	};

	public RateLimiter(ApplicationProperties properties, Clock clock, ProblemWriter problems) {
		this.capacity = properties.rateLimit().capacity();
		this.tokensPerMilli = properties.rateLimit().perMinute() / 60_000.0;
		this.clock = clock;
		this.problems = problems;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		long waitMillis = take(request.getRemoteAddr());
		if (waitMillis == 0) {
			return true;
		}
		response.setHeader("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
		this.problems.write(request, response, Rule.RATE_LIMITED, null,
				"too many applications from your address; try again later");
		return false;
	}

	/** Takes a token: 0 if one was there, otherwise the milliseconds until one is. */
	synchronized long take(String address) {
		long now = this.clock.millis();
		double[] bucket = this.buckets.computeIfAbsent(address, a -> new double[] { this.capacity, now });
		bucket[0] = Math.min(this.capacity, bucket[0] + (now - bucket[1]) * this.tokensPerMilli);
		bucket[1] = now;
		if (bucket[0] >= 1) {
			bucket[0] -= 1;
			return 0;
		}
		return (long) Math.ceil((1 - bucket[0]) / this.tokensPerMilli);
	}

	/** Forgets every address (tests). */
	public synchronized void reset() {
		this.buckets.clear();
	}

}
