/// Valid job files and settings files, written for the fuzzer: together they use every key.
enum JobsSeeds {
    /// Job files that validate without issues.
    static let jobFiles = [
        """
        defaults:
          schedule: "@every 1h"
          timezone: UTC
          refresh: 1d
          jitter: 30s

        jobs:
          - name: sandbox-news
            channel: "@sandbox_news"
          - name: sandbox-big
            channel: "@sandbox_big"
            window:
              since: 30d
            limits:
              messages: 5000
              requests: 200
              duration: 10m

        """,
        """
        # Every key a job can have.
        defaults:
          enabled: true
          timezone: Europe/Berlin
          run_window: "01:00-05:00"
          limits:
            messages: 20000
            duration: 45m
          jitter: 5m

        jobs:
          - name: example-news
            channel: https://t.me/s/sandbox_news
            schedule: "30 2 * * MON-FRI"
            timezone: Asia/Tokyo
            window:
              since: 2024-01-01
              until: 2025-06-01T12:00:00+02:00
              min_id: 1
              max_id: 500000
            run_window: "22:00-04:00"
            limits: {messages: 50000, requests: 2000, duration: 1h}
            warmup:
              day1: 200
              growth: 1.5
              cap: 5000
            refresh: 7d
            takeout: false
            enabled: true
            jitter: 10m
          - name: by-id.2
            channel: "-1001234567890"
            schedule: "*/15 1-5,22 1,15 JAN-DEC 0-6"
            jitter: ~

        """,
        "jobs:\n  - {name: minimal, channel: t.me/sandbox_interop, schedule: '@daily'}\n",
    ]

    /// Settings files that validate without issues.
    static let settingsFiles = [
        """
        telegram_client:
          api_id: 12345
          human_delay_min: 1s
          human_delay_max: 3s
          flood_wait_max: 300s
          connection_check_interval: 60s
          server: 127.0.0.1:4430
          dc: 2
          limits:
            requests: 5000
            duration: 2h
          warmup:
            day1: 500
            growth: 1.5
            cap: 20000

        archive:
          database: tgcron.sqlite

        log:
          format: json
          level: notice

        """,
        "log: {format: human, level: info}\n",
    ]
}
