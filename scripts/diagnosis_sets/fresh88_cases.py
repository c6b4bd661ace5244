"""Eighty-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh88/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is sequence labelling with structured losses written by hand, over short fixed-length
sequences stored flat in X (each row T steps of d features) with integer tags in y (each row T
tags). A linear-chain CRF tagger: per-step emissions from a tanh MLP, a learned transition matrix
with start and end scores, the negative log-likelihood averaged over the rows with log Z from the
forward algorithm in log space (a max-subtracted logsumexp written by hand) and its gradient from
the forward-backward marginals, trained by Adam with a linear warmup and an L2 weight decay on
the transitions alone (torch Adam's weight_decay in their own group); a tanh RNN tagger with the
per-token softmax cross-entropy averaged over all tokens (the baseline), backpropagation through
time, global-norm gradient clipping and SGD with momentum, weight decay and an exponential
learning-rate decay; and a max-margin tagger: a ReLU MLP's emissions, transitions and start/end
scores, the structured hinge with a Hamming cost whose loss-augmented maximiser is found by
Viterbi with backpointers, its subgradient the maximiser's feature counts minus the gold path's,
global-norm clipping and Adagrad with weight decay on the transitions. fresh88/make_data.py
writes the data (tags.npz: 48 rows of 6 steps x 5 features, 4 tags; chunks.npz: 48 rows of
5 steps x 4 features, 3 tags).
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh88_cases

Each case:
    id          short name (prefixed RJ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh88/"

TAGS, CHUNKS = F + "tags.npz", F + "chunks.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CRF = ("--data", TAGS, "--batch-size", "16")
CRF_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=emit.weight.T",
                    "params['b2']=emit.bias", "params['A']=trans", "params['start']=start", "params['end']=end")
CRF_ENUM_PARAMS = params("params['W_in']=hidden.weight", "params['b_in']=hidden.bias",
                         "params['W_out']=emit.weight", "params['b_out']=emit.bias", "params['trans']=trans",
                         "params['first']=start", "params['last']=end") + [
    "--state", "exp_avg=net.exp_avg", "--state", "exp_avg_sq=net.exp_avg_sq"]
RNN = ("--data", TAGS, "--batch-size", "12")
RNN_PARAMS = params("params['Wxh']=i2h.weight.T", "params['bh']=i2h.bias", "params['Whh']=h2h.weight.T",
                    "params['Why']=out.weight.T", "params['by']=out.bias")
RNN_P_PARAMS = params("params['Wxh']=Wxh", "params['bh']=bh", "params['Whh']=Whh", "params['Why']=Why",
                      "params['by']=by")
HINGE = ("--data", CHUNKS, "--batch-size", "16")
HINGE_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                      "params['b2']=fc2.bias", "params['A']=trans", "params['start']=start",
                      "params['end']=end") + ["--state", "sum=net.acc"]
HINGE_FLAT_PARAMS = params("params['W_h']=fc1.weight", "params['c_h']=fc1.bias", "params['W_e']=fc2.weight",
                           "params['c_e']=fc2.bias", "params['trans']=trans", "params['first']=start",
                           "params['last']=end") + ["--state", "sum=net.sum_sq"]

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RJ01_crf_trans_transposed", side="port",
         args=pair("crf_numpy.py", "CRFTagger", "01_crf_trans_transposed_port.py", "CRFTagger", *CRF,
                   *CRF_PARAMS),
         mechanism="pair: the port's forward recursion broadcasts alpha on the other axis, "
                   "logsumexp(alpha.unsqueeze(1) + trans, dim=2) instead of logsumexp(alpha.unsqueeze(2) + "
                   "trans, dim=1): the partition function reads the transition matrix as trans[to, from] "
                   "(transposed) while the gold score reads trans[from, to], so log Z, the loss and every "
                   "gradient (most of all the transitions') differ from step 1",
         expected=("transition", "transpose", "transposed", "trans.t", "forward algorithm", "partition",
                   "log z", "logsumexp", "axis", "dim", "broadcast", "unsqueeze", "from, to", "crf",
                   "alpha")),
    dict(id="RJ02_crf_end_omitted", side="port",
         args=pair("crf_numpy.py", "CRFTagger", "02_crf_end_omitted_port.py", "CRFTagger", *CRF, *CRF_PARAMS),
         mechanism="pair: the port's log-partition is logsumexp(alpha, dim=1), leaving out the end scores "
                   "that the gold path's score includes: log Z lacks the final end transition, so the loss "
                   "is off by a row-dependent amount and the end scores get only the -onehot(gold last tag) "
                   "part of their gradient (no expected-count term); the emissions' and transitions' "
                   "gradients shift through the final marginals",
         expected=("end", "end score", "stop", "final transition", "log z", "partition", "log-partition",
                   "forward algorithm", "missing term", "omitted", "logsumexp", "alpha", "last tag", "crf",
                   "normaliz")),
    dict(id="RJ03_crf_adamw", side="port",
         args=pair("crf_numpy.py", "CRFTagger", "03_crf_adamw_port.py", "CRFTagger", *CRF, *CRF_PARAMS),
         mechanism="pair: the port builds torch.optim.AdamW instead of Adam for the same groups: the "
                   "transitions' weight_decay=0.01 becomes decoupled (p *= 1 - lr * wd outside the moments) "
                   "instead of an L2 term WD * A added to the gradient before the moments; gradients agree, "
                   "the transitions' moments and updates differ (the other group has weight_decay 0)",
         expected=("adamw", "adam", "weight decay", "decoupled", "l2", "coupled", "weight_decay",
                   "transition", "optimizer", "update", "moment", "exp_avg", "proportional to the parameter",
                   "lr * wd", "regulariz")),
    dict(id="RJ04_rnn_stack_time_major", side="port",
         args=pair("rnn_ce_numpy.py", "RNNTagger", "04_rnn_stack_time_major_port.py", "RNNTagger", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: torch.stack(hs[1:]) without dim=1 stacks the hidden states time-major, (T, N, H), so "
                   "the logits come out (T, N, K) and logits.reshape(-1, K) pairs them with the batch-major "
                   "y.reshape(-1): most tokens are scored against another token's tag, the cross-entropy "
                   "and every gradient differ from step 1",
         expected=("stack", "dim=1", "time-major", "batch-major", "batch first", "batch_first", "transpose",
                   "reshape", "flatten", "shape", "layout", "order", "targets", "misaligned", "labels",
                   "permute")),
    dict(id="RJ05_rnn_emit_prev_state", side="port",
         args=pair("rnn_ce_numpy.py", "RNNTagger", "05_rnn_emit_prev_state_port.py", "RNNTagger", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the port emits from torch.stack(hs[:-1]) instead of hs[1:]: each step's logits come "
                   "from the hidden state before that step's input, h_{t-1} (the first step's from h_0 = 0, "
                   "the bias alone), an off-by-one shift in time; the loss and every gradient differ, the "
                   "last input never reaches any emission",
         expected=("off by one", "off-by-one", "shift", "previous hidden state", "h_{t-1}", "hs[1:]",
                   "hs[:-1]", "initial state", "h_0", "time step", "index", "hidden state", "emission",
                   "rnn", "lag")),
    dict(id="RJ06_rnn_decay_off_by_one", side="port",
         args=pair("rnn_ce_numpy.py", "RNNTagger", "06_rnn_decay_offbyone_port.py", "RNNTagger", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the port's LambdaLR factor is GAMMA ** (step + 1) instead of GAMMA ** step: the "
                   "scheduler counts from 0, so every update uses LR * GAMMA ** t instead of "
                   "LR * GAMMA ** (t - 1), the learning rate one decay step ahead, every update scaled by "
                   "GAMMA = 0.93 while gradients and momentum buffers agree",
         expected=("learning rate", "schedule", "scheduler", "lambdalr", "exponential", "decay", "gamma",
                   "off by one", "off-by-one", "step + 1", "constant factor", "0.93", "lr_lambda", "update",
                   "one step ahead")),
    dict(id="RJ07_hinge_clip_value", side="port",
         args=pair("hinge_numpy.py", "HingeTagger", "07_hinge_clip_value_port.py", "HingeTagger", *HINGE,
                   *HINGE_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, 0.5) instead of clip_grad_norm_: each "
                   "gradient element is clamped to [-0.5, 0.5] instead of all gradients being scaled by "
                   "0.5 / global norm, so the clipped gradients (and Adagrad's sums and updates) differ; "
                   "elements under 0.5 are left unscaled",
         expected=("clip", "clipping", "clip_grad_value_", "clip_grad_norm_", "global norm", "norm",
                   "by value", "elementwise", "clamp", "max_norm", "scale", "gradient", "rescale",
                   "gradient clipping")),
    dict(id="RJ08_hinge_loss_no_cost", side="port",
         args=pair("hinge_numpy.py", "HingeTagger", "08_hinge_loss_no_cost_port.py", "HingeTagger", *HINGE,
                   *HINGE_PARAMS),
         mechanism="pair: the port's reported loss leaves the Hamming cost out, score(yhat) - score(y) instead "
                   "of score(yhat) + hamming - score(y) (the decoding still adds the cost): the hinge value is "
                   "too small by the mean Hamming distance of the maximiser, while the gradients and updates "
                   "are right (the cost has no gradient)",
         expected=("hamming", "cost", "margin", "hinge", "loss-augmented", "loss value", "reported loss",
                   "loss only", "constant", "no gradient", "structured hinge", "missing term", "offset",
                   "inconsistent", "augmented")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RJ09_crf_lse_drop_max", side="numpy",
         args=pair("09_crf_lse_drop_max_numpy.py", "CRFTagger", "crf_torch.py", "CRFTagger", *CRF, *CRF_PARAMS),
         mechanism="pair: the hand-written logsumexp subtracts the max but never adds it back, "
                   "log(sum(exp(a - m))) instead of m + log(sum(exp(a - m))): every forward and backward "
                   "recursion and log Z lose the max, so the loss, the marginals and every gradient are wrong",
         expected=("logsumexp", "max", "max-subtract", "add back", "stability", "log-sum-exp", "shift",
                   "forward algorithm", "log z", "partition", "alpha", "beta", "marginals", "missing term",
                   "+ m")),
    dict(id="RJ10_crf_pair_marginal", side="numpy",
         args=pair("10_crf_pair_marginal_numpy.py", "CRFTagger", "crf_torch.py", "CRFTagger", *CRF, *CRF_PARAMS),
         mechanism="pair: the pairwise marginal xi_t(i, j) is built from alpha_t(i) + A(i, j) + beta_{t+1}(j) "
                   "without the emission E_{t+1}(j) of the destination tag: the expected transition counts are "
                   "wrong (they no longer sum to T - 1 per row), so only the transitions' gradient is wrong; "
                   "the loss and the other gradients are right",
         expected=("pairwise marginal", "marginal", "xi", "forward-backward", "transition", "expected counts",
                   "emission", "beta", "missing term", "backward", "gradient", "transition gradient",
                   "edge marginal", "crf")),
    dict(id="RJ11_crf_warmup_floordiv", side="numpy",
         args=pair("11_crf_warmup_floordiv_numpy.py", "CRFTagger", "crf_torch.py", "CRFTagger", *CRF,
                   *CRF_PARAMS),
         mechanism="pair: the warmup factor is min(1, t // WARMUP), integer (floor) division, instead of "
                   "t / WARMUP: the learning rate is 0 for the first WARMUP - 1 = 3 updates (the Adam moments "
                   "still advance) and jumps to LR at update 4, so those updates are never made",
         expected=("warmup", "warm-up", "learning rate", "integer division", "floor division", "//",
                   "schedule", "zero learning rate", "lr = 0", "no update", "never made", "update", "linear",
                   "step")),
    dict(id="RJ12_rnn_bptt_no_carry", side="numpy",
         args=pair("12_rnn_bptt_no_carry_numpy.py", "RNNTagger", "rnn_ce_torch.py", "RNNTagger", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: backpropagation through time drops the carried gradient, dh = dlogits_t @ Why.T "
                   "instead of dlogits_t @ Why.T + dh_next: each step's hidden gradient has only its own "
                   "emission's, as if truncated to one step, so Wxh, Whh and bh get wrong gradients (Why, by "
                   "and the loss right)",
         expected=("bptt", "backpropagation through time", "dh_next", "carried", "recurrent", "truncated",
                   "accumulate", "hidden state", "gradient", "whh", "backward", "missing term", "through time",
                   "previous step")),
    dict(id="RJ13_rnn_ce_grad_rows", side="numpy",
         args=pair("13_rnn_ce_grad_rows_numpy.py", "RNNTagger", "rnn_ce_torch.py", "RNNTagger", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the cross-entropy's gradient divides by the rows, (p - onehot) / n, while the loss "
                   "averages over all n * T tokens: every gradient is T = 6 times too large; the global-norm "
                   "clipping hides it on steps where both clip, not on those where the true norm is under "
                   "0.4",
         expected=("mean", "normaliz", "tokens", "n * t", "batch size", "sequence length", "divide", "factor",
                   "6", "scaled", "gradient", "reduction", "clipping", "cross-entropy", "per token")),
    dict(id="RJ14_rnn_decay_unused", side="numpy",
         args=pair("14_rnn_decay_unused_numpy.py", "RNNTagger", "rnn_ce_torch.py", "RNNTagger", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the momentum buffer takes the raw gradient, MOMENTUM * v + grads[k] instead of "
                   "MOMENTUM * v + d_p with d_p = grads[k] + WD * p: the weight decay is computed but never "
                   "used, so buffers and updates miss a term proportional to the parameter",
         expected=("weight decay", "weight_decay", "l2", "momentum", "buffer", "velocity", "missing",
                   "proportional to the parameter", "wd * p", "unused", "sgd", "update", "decay", "regulariz")),
    dict(id="RJ15_hinge_backtrace", side="numpy",
         args=pair("15_hinge_backtrace_numpy.py", "HingeTagger", "hinge_torch.py", "HingeTagger", *HINGE,
                   *HINGE_PARAMS),
         mechanism="pair: the Viterbi backtrace reads back[:, t - 1] instead of back[:, t]: the backpointers "
                   "are used one step early (the first tag always 0 from the never-filled back[:, 0]), so the "
                   "decoded path is not the loss-augmented maximiser; the hinge value, the emission, "
                   "transition and start/end subgradients differ",
         expected=("viterbi", "backtrace", "backpointer", "back pointer", "off by one", "off-by-one", "index",
                   "argmax", "decode", "loss-augmented", "maximiser", "path", "hinge", "subgradient")),
    dict(id="RJ16_hinge_clip_per_tensor", side="numpy",
         args=pair("16_hinge_clip_per_tensor_numpy.py", "HingeTagger", "hinge_torch.py", "HingeTagger", *HINGE,
                   *HINGE_PARAMS),
         mechanism="pair: the clipping coefficient uses each tensor's own norm, MAX_NORM / norms[k], instead "
                   "of the global norm over all gradients: tensors with a norm under 0.5 are not scaled and "
                   "the others are scaled to norm 0.5 each, so the clipped gradients differ by a different "
                   "factor per parameter (and Adagrad's sums and updates with them)",
         expected=("clip", "clipping", "global norm", "per-tensor", "per tensor", "per parameter", "norm",
                   "clip_grad_norm_", "total norm", "max_norm", "scale", "coefficient", "gradient",
                   "factor")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RJ17_crf_enumerated_numpy", side="correct",
         args=pair("crf_enum_numpy.py", "CRFEnum", "crf_torch.py", "CRFTagger", *CRF, *CRF_ENUM_PARAMS),
         mechanism="pair: the CRF in NumPy without a forward algorithm: all 4 ** 6 = 4096 tag paths "
                   "enumerated, log Z a logsumexp over path scores, the gradient from path posteriors times "
                   "count tables; weights kept (out, in), np.einsum, Adam's moments in exp_avg / exp_avg_sq "
                   "with the folded bias-correction step; against the nn.Linear port", expected=()),
    dict(id="RJ18_rnn_raw_param_port", side="correct",
         args=pair("rnn_ce_numpy.py", "RNNTagger", "rnn_ce_params_torch.py", "RNNTaggerP", *RNN, *RNN_P_PARAMS),
         mechanism="pair: RNN tagger port with raw nn.Parameters in the NumPy layout, a time-major loop over "
                   "a transposed view writing into a preallocated output, log_softmax + gather for the "
                   "cross-entropy, the global-norm clipping by hand on .grad, and the exponential decay "
                   "written into param_groups before optimizer.step()", expected=()),
    dict(id="RJ19_hinge_flat_enumerated_numpy", side="correct",
         args=pair("hinge_flat_numpy.py", "HingeFlat", "hinge_torch.py", "HingeTagger", *HINGE,
                   *HINGE_FLAT_PARAMS),
         mechanism="pair: the max-margin tagger in NumPy with every parameter a view into one flat vector "
                   "(weights kept (out, in)), the loss-augmented maximiser by scoring all 3 ** 5 paths "
                   "instead of Viterbi, np.add.at subgradients into a flat gradient, one flat norm for the "
                   "clipping and Adagrad on the flat vector", expected=()),
]
