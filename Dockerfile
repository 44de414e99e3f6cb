# A static vanban (musl) in an image of its own: `docker build -t vanban .`,
# then `docker run -p 8080:8080 vanban`. The fonts it embeds are built in.
FROM rust:1-alpine AS build
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY templates templates
COPY assets assets
COPY benches benches
COPY README.md ./
RUN cargo build --release --locked && strip target/release/vanban

FROM scratch
COPY --from=build /src/target/release/vanban /vanban
EXPOSE 8080
ENV VANBAN_ADDR=0.0.0.0:8080
ENTRYPOINT ["/vanban", "serve"]
