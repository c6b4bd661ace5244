"""Forty-second fresh held-out set for the diagnosis: one planted bug per program in fresh42/
(eight PyTorch ports, four of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is training-loop mechanics written by hand in NumPy and in PyTorch
ports: gradient accumulation over micro-batches inside one step, learning-rate warm-up and decay
(by hand, LambdaLR, LinearLR, the Noam schedule, the order of scheduler.step()), gradient clipping
by global norm (clip_grad_norm_'s norm_type, where in the loop it is called), an exponential
moving average of the weights kept apart, decoupled weight decay (AdamW) and Lookahead written by
hand. fresh42/make_data.py writes the pairs' data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh42_cases

Each case:
    id          short name (prefixed PP)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and of fresh/, fresh2/, ..., fresh41/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh42/"
port, numpy_net = in_folder(F)

BLOBS, CURVE = F + "blobs.npz", F + "curve.npz"

KIT = ("--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce")
PARAMS = ("--param", "params['W1']=hidden.weight.T", "--param", "params['b1']=hidden.bias",
          "--param", "params['W2']=out.weight.T", "--param", "params['b2']=out.bias")


def pair(numpy_file: str, numpy_name: str, torch_file: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port (same class name), both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{numpy_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *PARAMS, *extra]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PP01_clip_norm_type_l1", side="port",
         args=pair("01_clipped_classifier_numpy.py", "ClippedClassifier", "01_clipped_classifier_torch.py",
                   "--data", BLOBS),
         mechanism="pair: the port clips with nn.utils.clip_grad_norm_(..., max_norm=0.3, norm_type=1): the global "
                   "norm is the L1 norm, the sum of the absolute values of every gradient entry, instead of the L2 "
                   "norm sqrt(sum g^2) the NumPy program uses: the measured norm is far larger, so the gradients are "
                   "scaled down much harder (by 0.3 / ||g||_1 instead of 0.3 / ||g||_2)",
         expected=("norm_type", "norm_type=1", "norm_type=2", "l1", "l1 norm", "l2", "l2 norm", "sum of absolute",
                   "absolute values", "clip_grad_norm_", "clip", "clipping", "global norm", "gradient norm",
                   "max_norm", "scaled down", "clipped harder")),
    dict(id="PP02_scheduler_per_microbatch", side="port",
         args=pair("02_warmup_regressor_numpy.py", "WarmupRegressor", "02_warmup_regressor_torch.py",
                   "--data", CURVE),
         mechanism="pair: with gradient accumulation over 3 micro-batches, the port calls scheduler.step() inside "
                   "the micro-batch loop instead of once after optimizer.step(): the LambdaLR linear warm-up "
                   "min(1, (s + 1) / 10) advances 3 times per update, so update t runs at factor min(1, (3t + 4) / 10) "
                   "instead of min(1, (t + 1) / 10) (0.4 LR against 0.1 LR on step 1), the warm-up over in 3 updates "
                   "instead of 10",
         expected=("scheduler.step", "scheduler", "per micro-batch", "micro-batch", "microbatch", "inside the loop",
                   "accumulation", "three times", "3 times", "warm-up", "warmup", "lambdalr", "too fast",
                   "advances", "schedule", "once per update", "learning rate")),
    dict(id="PP03_scheduler_before_optimizer", side="port",
         args=pair("03_linear_warmup_numpy.py", "WarmupClassifier", "03_linear_warmup_torch.py",
                   "--data", BLOBS),
         mechanism="pair: the port calls scheduler.step() before optimizer.step() (the pre-1.1 order): the LinearLR "
                   "warm-up from start_factor 0.25 to 1 over 6 updates is one step ahead, update t runs at factor "
                   "0.25 + 0.75 min(t + 1, 6) / 6 instead of 0.25 + 0.75 min(t, 6) / 6 (0.375 LR against 0.25 LR on "
                   "step 1), equal once the warm-up is over",
         expected=("scheduler.step", "before optimizer.step", "order", "scheduler", "linearlr", "start_factor",
                   "one step ahead", "off by one", "off-by-one", "warm-up", "warmup", "skips the first",
                   "first value", "learning rate", "schedule")),
    dict(id="PP04_running_total_backward", side="port",
         args=port("04_running_total_port.py", "Net", "--data", "random:36,5,3", *KIT, "--lr", "0.5"),
         mechanism="gradient accumulation over 4 micro-batches where backward() is called on the running total of "
                   "the loss (total = total + loss; total.backward(retain_graph=True)) instead of on the micro-batch's "
                   "loss: micro-batch k's gradient is back-propagated again at every later micro-batch, counted "
                   "4 - k times (4, 3, 2 and 1 times), so the step's gradient is (4 g1 + 3 g2 + 2 g3 + g4) / 4 "
                   "instead of the mean (g1 + g2 + g3 + g4) / 4",
         expected=("running total", "retain_graph", "total.backward", "backward on the total", "cumulative",
                   "accumulat", "micro-batch", "microbatch", "counted several times", "counted multiple times",
                   "repeated", "multiple times", "weighted", "4 - k", "earlier micro-batches", "loss.backward")),
    dict(id="PP05_clip_inside_accumulation", side="port",
         args=pair("05_accum_clip_numpy.py", "AccumClipRegressor", "05_accum_clip_torch.py", "--data", CURVE),
         mechanism="pair: the port calls clip_grad_norm_(max_norm=0.15) inside the gradient-accumulation loop, after "
                   "each micro-batch's backward, instead of once after the loop: the partial sums are clipped before "
                   "the gradients are complete, the later micro-batches' gradients are added unclipped on top, so the "
                   "step's gradient is neither the clipped batch gradient nor at most 0.15 in norm",
         expected=("clip", "clipping", "clip_grad_norm_", "inside the loop", "micro-batch", "microbatch",
                   "accumulation", "before the gradients are complete", "partial", "incomplete", "after the loop",
                   "each micro-batch", "global norm", "max_norm", "too early")),
    dict(id="PP06_last_microbatch_dropped", side="port",
         args=port("06_dropped_microbatch_port.py", "Net", "--data", "random:36,5,3", *KIT, "--lr", "0.5"),
         mechanism="the micro-batch loop runs for i in range(0, len(X) - MICRO, MICRO) instead of range(0, len(X), "
                   "MICRO): with 36 rows and MICRO = 9 it stops at i = 18, the last micro-batch (rows 27..35) is never "
                   "back-propagated, so the gradient is that of the first 27 rows weighted 9/36 each (3/4 of their "
                   "mean) instead of the mean over all 36 rows",
         expected=("range", "len(x) - micro", "off by one", "off-by-one", "last micro-batch", "last microbatch",
                   "last chunk", "rows 27", "missing rows", "dropped", "skipped", "never", "accumulation",
                   "micro-batch", "3/4", "fewer rows")),
    dict(id="PP07_ema_shares_storage", side="port",
         args=port("07_ema_shadow_port.py", "Net", "--data", "random:36,5,3", *KIT, "--lr", "0.5"),
         mechanism="the weight EMA kept apart for evaluation is initialised with p.detach(), which shares storage with "
                   "the parameter, instead of p.detach().clone(): the in-place update ema.mul_(0.9).add_(p, alpha=0.1) "
                   "writes into the model's own weights, p <- 0.9 p + 0.1 (0.9 p) = 0.99 p, a 1% shrink of every "
                   "parameter (biases included) after every step from step 2, like a weight decay",
         expected=("detach", "clone", "shares storage", "same storage", "shared memory", "alias", "view", "ema",
                   "moving average", "in place", "in-place", "shrink", "0.99", "weight decay", "mul_",
                   "overwrites the weights")),
    dict(id="PP08_split_size_not_count", side="port",
         args=port("08_split_chunks_port.py", "Net", "--data", "random:36,5,3", *KIT, "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the micro-batches are made with X.split(ACCUM), whose argument is the size of each piece, instead "
                   "of X.chunk(ACCUM), the number of pieces: 36 rows give 9 micro-batches of 4 rows, each mean loss "
                   "still divided by ACCUM = 4, so the accumulated gradient is 9/4 = 2.25 times the batch mean's",
         expected=("split", "chunk", "split_size", "chunk size", "size of each", "number of chunks",
                   "number of micro-batches", "9 micro-batches", "2.25", "9/4", "accumulation", "micro-batch",
                   "too large", "scaled", "divided by")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PP09_lookahead_alias", side="numpy",
         args=pair("09_lookahead_numpy.py", "LookaheadClassifier", "09_lookahead_torch.py", "--data", BLOBS),
         mechanism="pair: the hand-written Lookahead resets the fast weights with p[k] = self.slow[k], binding the "
                   "same array (no copy): from the first synchronisation on the in-place SGD updates move the slow "
                   "weights too, so at every later synchronisation slow == fast and the pull ALPHA (fast - slow) is "
                   "zero: Lookahead is switched off after step 3, plain SGD (equal for the first 3 steps)",
         expected=("lookahead", "slow weights", "fast weights", "alias", "same array", "copy", ".copy()",
                   "reference", "in place", "in-place", "synchron", "no copy", "plain sgd", "switched off",
                   "alpha")),
    dict(id="PP10_running_average_accumulation", side="numpy",
         args=pair("10_running_average_numpy.py", "AveragedRegressor", "10_running_average_torch.py",
                   "--data", CURVE),
         mechanism="pair: the accumulated gradient is averaged as it comes in, total = (total + g) / ACCUM at every "
                   "micro-batch, instead of total += g / ACCUM: the earlier micro-batches are divided again at every "
                   "later one, g1 / 27 + g2 / 9 + g3 / 3 instead of (g1 + g2 + g3) / 3",
         expected=("accumulat", "micro-batch", "microbatch", "divided repeatedly", "divided again",
                   "divided multiple times", "running average", "average as", "(total + g) / accum", "1/27",
                   "1/9", "geometric", "earlier micro-batches", "last micro-batch", "weighted", "decays")),
    dict(id="PP11_noam_min_max", side="numpy",
         args=pair("11_noam_numpy.py", "NoamClassifier", "11_noam_torch.py", "--data", BLOBS),
         mechanism="pair: the Noam schedule is typed BASE * max(s^-0.5, s * WARMUP^-1.5) instead of min(...): during "
                   "the warm-up (s < 8) the rate is the decay branch s^-0.5 (BASE at step 1 instead of BASE / 22.6), "
                   "no warm-up, and after it the warm-up branch s / 8^1.5 keeps growing linearly instead of decaying "
                   "as 1 / sqrt(s) (equal only at s = 8)",
         expected=("max", "min", "noam", "warm-up", "warmup", "inverse square root", "rsqrt", "s ** -0.5",
                   "warmup ** -1.5", "schedule", "learning rate", "no warm-up", "grows", "growing", "linear",
                   "transformer")),
    dict(id="PP12_inf_norm_without_abs", side="numpy",
         args=pair("12_inf_clip_numpy.py", "InfClipClassifier", "12_inf_clip_torch.py", "--data", BLOBS),
         mechanism="pair: the infinity norm for clipping is computed as max(np.max(g)), the largest signed entry, "
                   "instead of max(np.max(np.abs(g))), the largest absolute entry (clip_grad_norm_(norm_type=inf)): "
                   "large negative gradients are ignored, so the norm is underestimated and the gradients are clipped "
                   "less than the port clips them (or not at all)",
         expected=("abs", "np.abs", "absolute", "infinity norm", "inf norm", "norm_type=inf", "max norm",
                   "largest entry", "negative", "sign", "underestimat", "clip", "clipping", "clip_grad_norm_",
                   "clipped less")),
    dict(id="PP13_floor_microbatches_drop_rows", side="numpy",
         args=numpy_net("13_floor_microbatch_net.py", "FloorMicrobatchNet", "--init", "FloorMicrobatchNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:30,5,3", *KIT, "--lr", "0.5"),
         mechanism="the micro-batch bounds are np.arange(ACCUM + 1) * (n // ACCUM), floor division, instead of "
                   "np.linspace(0, n, ACCUM + 1): with 30 rows and ACCUM = 4 the micro-batches cover rows 0..27 and "
                   "the last 2 rows are never used, their gradient missing while the sum is still divided by n = 30",
         expected=("floor", "//", "n // accum", "remainder", "last rows", "last 2 rows", "dropped", "missing rows",
                   "never used", "linspace", "array_split", "micro-batch", "accumulation", "not divisible",
                   "rows left out")),
    dict(id="PP14_ema_written_into_weights", side="numpy",
         args=numpy_net("14_ema_target_net.py", "EmaTargetNet", "--init", "EmaTargetNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:36,5,3", *KIT, "--lr", "0.5"),
         mechanism="the weight EMA kept apart for evaluation is written into the weights instead of into the average, "
                   "w[...] = DECAY e + (1 - DECAY) w where e[...] = ... is meant: the average never moves from the "
                   "initial weights and after every SGD step the weights are pulled back, 0.9 of the initial weights "
                   "plus 0.1 of the updated ones",
         expected=("ema", "moving average", "average", "assignment", "written into the weights", "wrong target",
                   "overwrit", "initial weights", "pulled back", "decay", "0.9", "shadow", "swapped", "ema[",
                   "evaluation")),
    dict(id="PP15_shared_forward_cache", side="numpy",
         args=numpy_net("15_shared_cache_net.py", "SharedCacheNet", "--init", "SharedCacheNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:36,5,3", *KIT, "--lr", "0.5"),
         mechanism="forward returns self.cache, one dict mutated in place, instead of a copy: the list of the 3 "
                   "micro-batches' caches holds the same dict 3 times, so every micro-batch's backward uses the last "
                   "micro-batch's hidden activations and probabilities with its own inputs and targets",
         expected=("cache", "same dict", "same object", "alias", "reference", "copy", "dict(self.cache)",
                   "overwritten", "last micro-batch", "micro-batch", "accumulation", "activations", "mutated",
                   "stale")),
    dict(id="PP16_adamw_decay_after_step", side="numpy",
         args=pair("16_adamw_numpy.py", "AdamWRegressor", "16_adamw_torch.py", "--data", CURVE),
         mechanism="pair: the hand-written AdamW shrinks the weights, w *= 1 - LR * WD, after the Adam step instead "
                   "of before it (torch's AdamW decays the old weights): the decay acts on the already-updated "
                   "weights, an extra LR^2 WD times the Adam step, (w - lr u)(1 - lr wd) instead of w (1 - lr wd) - lr u",
         expected=("adamw", "decoupled", "weight decay", "weight_decay", "order", "after the step",
                   "before the step", "updated weights", "old weights", "lr * wd", "lr^2", "1 - lr * wd",
                   "shrink", "decay")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PPC1_warmup_cosine_adamw_groups", side="correct",
         args=pair("correct_01_schedule_numpy.py", "ScheduledClassifier", "correct_01_schedule_torch.py",
                   "--data", BLOBS),
         mechanism="pair: unequal micro-batches (np.array_split against tensor_split) weighted by their share, "
                   "global-norm clipping (by hand against clip_grad_norm_), AdamW with decayed weights and undecayed "
                   "biases (a dict of rates against two parameter groups), the first moment in interpolation form, "
                   "under a linear warm-up then cosine decay (by hand against LambdaLR)", expected=()),
    dict(id="PPC2_strided_microbatches_port", side="correct",
         args=port("correct_02_strided_port.py", "Net", "--data", "random:36,5,3", *KIT, "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.2"),
         mechanism="port: interleaved micro-batches X[i::3] each weighted by its share, clip_grad_value_ with an "
                   "unreachable bound, a weight EMA kept apart in swa_utils.AveragedModel outside the module; the "
                   "kit's momentum optimizer and NumPy network", expected=()),
    dict(id="PPC3_nesterov_ufuncs_net", side="correct",
         args=numpy_net("correct_03_nesterov_net.py", "NesterovNet", "--init", "NesterovNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:30,5,3", *KIT,
                        "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="NumPy: Nesterov in torch's form with in-place ufuncs (np.multiply/np.add/np.subtract out=), "
                   "unequal micro-batches from np.array_split each summed gradient divided by the batch size, "
                   "softmax by np.logaddexp.reduce, a weight EMA kept apart filled with np.copyto; against the kit's "
                   "twin", expected=()),
]
