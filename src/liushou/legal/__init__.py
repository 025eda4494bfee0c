"""One village, one legal advisor (一村一法律顾问): advisors, contracts, the legal service log
and the hotline cards (便民找法服务卡); docs/legal.md."""
