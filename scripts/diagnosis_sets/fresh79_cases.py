"""Seventy-ninth fresh held-out set for the diagnosis: one planted bug per program in fresh79/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is radial-basis-function and kernel-style networks written by hand. A Gaussian RBF
regression network with learned centres and a learned per-unit width kept as a log-width,
phi = exp(-|x - c|^2 / (2 s^2)) with s = exp(log_s), a linear output, the mean squared error and
Adam, in mini-batches of 16; a random-Fourier-feature classifier whose frequencies and phases are
drawn once from a seeded NumPy generator and never trained, cos(x omega + phase) * sqrt(2 / 32),
with a trained logistic head (the margin-form logistic loss on labels mapped to -1/+1, the same
numbers as binary cross-entropy on the logits), the gradient clipped to a global norm, SGD with
heavy-ball momentum, coupled weight decay and a staircase learning-rate schedule; and a
learned-prototype classifier, a linear embedding and one trainable prototype per class, a
softmax over the negative squared distances divided by a temperature, the cross-entropy and
AdamW with a cosine schedule, in mini-batches of 12. fresh79/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh79_cases

Each case:
    id          short name (prefixed RA)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one or two lines (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh79/"

CURVE, RING, BLOBS = F + "curve.npz", F + "ring.npz", F + "blobs.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


RBF = ("--data", CURVE, "--batch-size", "16")
RBF_PARAMS = params("params['C']=centres", "params['log_s']=log_width", "params['W']=out.weight.T",
                    "params['b']=out.bias")
RBF_ALT_PARAMS = params("centres_T=centres.T", "log_width=log_width", "w_row=out.weight", "bias=out.bias")
RFF = ("--data", RING)
RFF_PARAMS = params("params['W']=head.weight.T", "params['b']=head.bias")
RFF_P_PARAMS = params("params['W']=w", "params['b']=b")
PROTO = ("--data", BLOBS, "--batch-size", "12")
PROTO_PARAMS = params("params['A']=embed.weight.T", "params['P']=prototypes")
PROTO_ALT_PARAMS = params("W_embed=embed.weight", "protos=prototypes")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RA01_rbf_squeeze_broadcast", side="port",
         args=pair("rbf_numpy.py", "RBFNet", "01_rbf_squeeze_port.py", "RBFNet", *RBF, *RBF_PARAMS),
         mechanism="pair: the port's forward returns self.out(phi).squeeze(-1), a (16,) vector, while the "
                   "target y is (16, 1): F.mse_loss broadcasts (out - y) to a (16, 16) matrix, every output "
                   "against every row's target, so the loss and every gradient are those of the mean over "
                   "all 256 pairs (the output's gradient pulls toward the batch mean of y)",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n,) vs (n, 1)", "(16, 16)", "n x n",
                   "mse_loss", "target", "mismatch", "outer", "every pair", "all pairs", "batch mean",
                   "dimension")),
    dict(id="RA02_rbf_cdist_unsquared", side="port",
         args=pair("rbf_numpy.py", "RBFNet", "02_rbf_cdist_port.py", "RBFNet", *RBF, *RBF_PARAMS),
         mechanism="pair: the port takes the distances with torch.cdist(X, centres), the Euclidean distance "
                   "|x - c|, and uses it as the squared distance without squaring it: phi = "
                   "exp(-|x - c| / (2 s^2)) instead of exp(-|x - c|^2 / (2 s^2)), so every RBF activation, the "
                   "output, the loss and every gradient differ from the first step",
         expected=("cdist", "distance", "squared distance", "not squared", "square", "** 2", "euclidean",
                   "norm", "rbf", "gaussian", "kernel", "activation", "forward", "centres", "phi")),
    dict(id="RA03_rbf_width_not_squared", side="port",
         args=pair("rbf_numpy.py", "RBFNet", "03_rbf_width_var_port.py", "RBFNet", *RBF, *RBF_PARAMS),
         mechanism="pair: the port's variance is torch.exp(log_width), the width s itself, instead of "
                   "torch.exp(2 * log_width) = s^2: the Gaussian divides the squared distance by 2 s instead "
                   "of 2 s^2 (with s near 1.5, an exponent about s times too large, a narrower kernel), so the "
                   "activations, the output, the loss and all gradients differ from the first step",
         expected=("width", "log-width", "log_width", "variance", "sigma", "s^2", "squared", "standard deviation",
                   "exp(2", "bandwidth", "gaussian", "rbf", "kernel", "forward", "factor 2")),
    dict(id="RA04_rff_randomstate", side="port",
         args=pair("rff_numpy.py", "RFFClassifier", "04_rff_randomstate_port.py", "RFFClassifier", *RFF,
                   *RFF_PARAMS),
         mechanism="pair: the port draws its fixed frequencies and phases from np.random.RandomState(SEED), the "
                   "legacy generator, instead of np.random.default_rng(SEED): the same seed gives another "
                   "stream, so the random Fourier features (not trained, not compared as parameters) differ "
                   "entirely; the head's logits, the loss and both gradients differ from step 1",
         expected=("random", "seed", "randomstate", "default_rng", "generator", "rng", "frequencies", "phases",
                   "random features", "fourier", "feature map", "buffer", "fixed", "not a parameter",
                   "forward")),
    dict(id="RA05_rff_lambda_true_division", side="port",
         args=pair("rff_numpy.py", "RFFClassifier", "05_rff_lambda_div_port.py", "RFFClassifier", *RFF,
                   *RFF_PARAMS),
         mechanism="pair: the LambdaLR factor is GAMMA ** (epoch / STEP_SIZE), true division, instead of "
                   "GAMMA ** (epoch // STEP_SIZE): the staircase becomes a smooth exponential decay, the rate "
                   "shrinking by 0.5 ** (1/8) every update from update 2 on, so the updates differ from step 2 "
                   "while the gradients agree",
         expected=("schedule", "scheduler", "learning rate", "lambdalr", "step decay", "staircase", "steplr",
                   "exponential", "integer division", "//", "floor", "decay", "gamma", "step_size",
                   "lr_lambda")),
    dict(id="RA06_rff_clip_value", side="port",
         args=pair("rff_numpy.py", "RFFClassifier", "06_rff_clip_value_port.py", "RFFClassifier", *RFF,
                   *RFF_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, MAX_NORM), clamping each element to "
                   "+-0.05, instead of clip_grad_norm_, rescaling the whole gradient to a global norm 0.05: no "
                   "element exceeds 0.05, so the port's gradient is not clipped at all while the NumPy one is "
                   "scaled down (by up to 2x); gradients, momentum buffers and updates differ while clipping "
                   "is active",
         expected=("clip", "clipping", "clip_grad_value_", "clip_grad_norm_", "gradient norm", "global norm",
                   "max_norm", "elementwise", "clamp", "value", "norm", "rescale", "scaled", "not clipped",
                   "one factor")),
    dict(id="RA07_proto_double_softmax", side="port",
         args=pair("proto_numpy.py", "ProtoNet", "07_proto_double_softmax_port.py", "ProtoNet", *PROTO,
                   *PROTO_PARAMS),
         mechanism="pair: the port passes torch.softmax(logits) to F.cross_entropy, which applies log_softmax "
                   "itself: the loss is the cross-entropy of a softmax of probabilities (squashed toward "
                   "uniform, loss near log 3) and its gradients are much smaller and shaped differently",
         expected=("softmax", "double softmax", "softmax twice", "cross_entropy", "log_softmax", "logits",
                   "probabilities", "already", "loss", "cross-entropy", "f.cross_entropy", "normaliz",
                   "uniform", "twice")),
    dict(id="RA08_proto_adam_l2", side="port",
         args=pair("proto_numpy.py", "ProtoNet", "08_proto_adam_l2_port.py", "ProtoNet", *PROTO,
                   *PROTO_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay is "
                   "added to the gradient (coupled L2) and goes through the moments and the normalisation "
                   "instead of shrinking the weights by lr * WD directly; gradients agree, exp_avg, exp_avg_sq "
                   "and the updates differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "coupled", "l2", "optimizer",
                   "exp_avg", "moment", "proportional to the parameter", "decay", "update", "regulariz")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RA09_rbf_logwidth_chain", side="numpy",
         args=pair("09_rbf_logwidth_chain_numpy.py", "RBFNet", "rbf_torch.py", "RBFNet", *RBF, *RBF_PARAMS),
         mechanism="pair: the log-width gradient is sum(da * d2) / s^3, the derivative with respect to the width "
                   "s, instead of / s^2, the derivative with respect to log_s (the chain factor ds/dlog_s = s "
                   "left out): log_s's gradient is 1/s times the true one (about 2/3), the other gradients and "
                   "the loss are right",
         expected=("log", "log-width", "log_s", "chain rule", "exp", "reparameteriz", "width", "sigma",
                   "derivative", "backward", "factor s", "ds/dlog", "missing factor", "gradient",
                   "parameterization")),
    dict(id="RA10_rbf_precedence", side="numpy",
         args=pair("10_rbf_precedence_numpy.py", "RBFNet", "rbf_torch.py", "RBFNet", *RBF, *RBF_PARAMS),
         mechanism="pair: the Gaussian is written np.exp(-d2 / 2.0 * s ** 2), which Python reads as "
                   "-(d2 / 2) * s^2, instead of -d2 / (2 s^2): the squared distance is multiplied by s^2 "
                   "instead of divided (a factor s^4, about 5), so the activations, output and loss differ, "
                   "and the backward (written for the intended form) no longer matches the forward",
         expected=("precedence", "parentheses", "operator", "divide", "multiply", "s^2", "s ** 2", "width",
                   "variance", "gaussian", "rbf", "forward", "kernel", "activation", "exp")),
    dict(id="RA11_rbf_vhat_beta1", side="numpy",
         args=pair("11_rbf_vhat_beta1_numpy.py", "RBFNet", "rbf_torch.py", "RBFNet", *RBF, *RBF_PARAMS),
         mechanism="pair: Adam's second moment is bias-corrected with 1 - BETA1 ** t instead of 1 - BETA2 ** t: "
                   "v_hat is about 100x too small at step 1 (0.001 / 0.1), so the denominator sqrt(v_hat) is "
                   "about 10x too small and the updates about 10x too large, the excess shrinking with t; "
                   "gradients and moments agree",
         expected=("adam", "bias correction", "beta2", "beta1", "second moment", "v_hat", "exp_avg_sq",
                   "denominator", "update", "optimizer", "ratio moving with the step", "bias-corrected",
                   "too large", "1 - beta")),
    dict(id="RA12_rff_labels_01", side="numpy",
         args=pair("12_rff_labels_01_numpy.py", "RFFClassifier", "rff_torch.py", "RFFClassifier", *RFF,
                   *RFF_PARAMS),
         mechanism="pair: the margin-form logistic loss log(1 + exp(-s f)) takes s = y, the 0/1 labels, "
                   "instead of s = 2 y - 1 in {-1, +1}: every negative row has s = 0, a constant loss log 2 and "
                   "no gradient, so the loss and both gradients come from the positive rows alone",
         expected=("label", "labels", "-1", "+1", "{0, 1}", "0/1", "2y - 1", "sign", "convention", "margin",
                   "logistic", "negative class", "binary cross-entropy", "target", "loss")),
    dict(id="RA13_rff_wd_double", side="numpy",
         args=pair("13_rff_wd_double_numpy.py", "RFFClassifier", "rff_torch.py", "RFFClassifier", *RFF,
                   *RFF_PARAMS),
         mechanism="pair: the coupled weight decay is added as 2 * WD * p (the derivative of WD * |p|^2) instead of "
                   "torch's WD * p: the momentum buffer and the update carry an extra WD * p, a difference "
                   "proportional to the parameter, while the (clipped) gradients agree",
         expected=("weight decay", "weight_decay", "l2", "factor 2", "twice", "2 * wd", "proportional to the "
                   "parameter", "decay", "momentum", "momentum buffer", "sgd", "update", "regulariz",
                   "penalty")),
    dict(id="RA14_rff_clip_sum_norms", side="numpy",
         args=pair("14_rff_clip_sum_norms_numpy.py", "RFFClassifier", "rff_torch.py", "RFFClassifier", *RFF,
                   *RFF_PARAMS),
         mechanism="pair: the global gradient norm is taken as the sum of the per-tensor norms, |gW| + |gb|, "
                   "instead of sqrt(|gW|^2 + |gb|^2): the norm is overestimated, so while clipping is active "
                   "(the first dozen steps) both gradients are scaled down by one extra factor (to as little as "
                   "0.8 of the right clipped gradient)",
         expected=("clip", "clipping", "norm", "global norm", "total norm", "sum of norms", "per-tensor",
                   "sqrt", "squares", "clip_grad_norm_", "max_norm", "scaled", "one factor", "gradient",
                   "l2 norm")),
    dict(id="RA15_proto_cross_term", side="numpy",
         args=pair("15_proto_cross_term_numpy.py", "ProtoNet", "proto_torch.py", "ProtoNet", *PROTO,
                   *PROTO_PARAMS),
         mechanism="pair: the prototypes' gradient keeps only the cross term of the expanded squared distance "
                   "|z|^2 - 2 z.p + |p|^2, -2 dd2^T Z, and drops the 2 * (sum of dd2 over rows) * p that "
                   "comes from |p|^2: P's gradient is wrong, the embedding's gradient and the loss are right",
         expected=("prototype", "prototypes", "distance", "squared distance", "expansion", "|p|^2",
                   "missing term", "cross term", "backward", "gradient", "derivative", "p.grad", "2 p",
                   "chain rule")),
    dict(id="RA16_proto_decay_base_lr", side="numpy",
         args=pair("16_proto_decay_base_lr_numpy.py", "ProtoNet", "proto_torch.py", "ProtoNet", *PROTO,
                   *PROTO_PARAMS),
         mechanism="pair: the AdamW decoupled decay shrinks the weights by 1 - LR * WD, the base rate, instead "
                   "of 1 - lr * WD with the cosine-scheduled rate: once the schedule has lowered the rate, "
                   "each update carries an extra (LR - lr) * WD * p, proportional to the parameter and growing "
                   "with the step; gradients and moments agree",
         expected=("weight decay", "decoupled", "adamw", "learning rate", "schedule", "cosine",
                   "scheduled", "base learning rate", "lr", "proportional to the parameter", "decay",
                   "update", "growing", "optimizer")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RA17_rbf_transposed_numpy", side="correct",
         args=pair("rbf_alt_numpy.py", "RBFNetAlt", "rbf_torch.py", "RBFNet", *RBF, *RBF_ALT_PARAMS),
         mechanism="pair: the RBF network in NumPy with attribute parameters, the centres kept transposed (4, K), "
                   "the output weight as a (1, K) row, distances by the |x|^2 - 2 x.c + |c|^2 expansion, the "
                   "Gaussian through the precision exp(-2 log_s) / 2, separate backward() and update(), and "
                   "the Adam state as [m, v] pairs with the first bias correction in the step size "
                   "LR / (1 - beta1^t); against the nn.Linear port",
         expected=()),
    dict(id="RA18_rff_raw_param_port", side="correct",
         args=pair("rff_numpy.py", "RFFClassifier", "rff_alt_torch.py", "RFFClassifierP", *RFF, *RFF_P_PARAMS),
         mechanism="pair: RFF port with raw nn.Parameters for the head, non-persistent buffers, torch.addmm "
                   "features, the loss as softplus(-s f) with s = 2 y - 1, the global-norm clipping written "
                   "out by hand, SGD(foreach=False) and StepLR", expected=()),
    dict(id="RA19_proto_einsum_numpy", side="correct",
         args=pair("proto_alt_numpy.py", "ProtoNetAlt", "proto_torch.py", "ProtoNet", *PROTO, *PROTO_ALT_PARAMS),
         mechanism="pair: the prototype classifier in NumPy with attribute parameters, the embedding kept (4, 6) "
                   "as nn.Linear keeps it, broadcast differences and np.einsum instead of the expansion, a "
                   "log-sum-exp log-softmax, and AdamW with the bias corrections folded into the step size "
                   "and eps", expected=()),
]
