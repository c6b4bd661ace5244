"""One hundred and twelfth fresh held-out set for the diagnosis: one planted bug per program in
fresh112/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is layer-wise adaptive and newer optimizers written by hand on small MLPs. A ReLU MLP
classifier on three overlapping blobs with softmax cross entropy and LARS (trust ratio
ETA * |w| / (|g| + WD * |w|), weight decay and trust ratio on the weight matrices only, heavy-ball
momentum as torch.optim.SGD keeps it) under a linear warm-up then half-cosine learning rate, the
port a small torch.optim.Optimizer subclass with a bias param group and LambdaLR; a two-hidden-layer
tanh MLP regressor (1-D target) with the mean squared error, gradients clipped to a global norm of
1 and LAMB (bias-corrected Adam moments, decoupled decay added to the Adam direction, the trust
ratio |w| / |r| per weight matrix, biases unadapted), the port a manual update under
torch.no_grad() with its state in a dict; and a tanh-GELU MLP with two outputs, the Huber loss
(DELTA = 0.5) and NAdam exactly as torch.optim.NAdam computes it (momentum decay schedule mu_t and
its product, L2 weight decay on the weights through param groups) with an exponential learning
rate decay, the port torch.optim.NAdam with ExponentialLR. fresh112/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh112_cases

Each case:
    id          short name (prefixed SH)
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

F = "scripts/diagnosis_sets/fresh112/"

BLOBS, HOUSING, SENSORS = F + "blobs.npz", F + "housing.npz", F + "sensors.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


LARS = ("--data", BLOBS, "--batch-size", "20")
LARS_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                     "params['b2']=fc2.bias")
LARS_ALT_PARAMS = params("params['w_hidden']=fc1.weight", "params['b_hidden']=fc1.bias",
                         "params['w_out']=fc2.weight", "params['b_out']=fc2.bias")
LAMB = ("--data", HOUSING, "--batch-size", "16")
LAMB_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                     "params['b2']=fc2.bias", "params['W3']=fc3.weight.T", "params['b3']=fc3.bias")
LAMB_SEQ_PARAMS = params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias",
                         "params['W2']=net.2.weight.T", "params['b2']=net.2.bias",
                         "params['W3']=net.4.weight.T", "params['b3']=net.4.bias")
NADAM = ("--data", SENSORS)
NADAM_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                      "params['b2']=fc2.bias")
NADAM_FLAT_PARAMS = params("params['hidden_w']=fc1.weight.T", "params['hidden_b']=fc1.bias",
                           "params['out_w']=fc2.weight.T", "params['out_b']=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SH01_lars_bias_group_adapted", side="port",
         args=pair("lars_numpy.py", "LarsMLP", "01_lars_bias_trust_port.py", "LarsMLP", *LARS, *LARS_PARAMS),
         mechanism="pair: the port's bias param group sets weight_decay 0 but leaves out 'lars': False, so the "
                   "biases are scaled by the LARS trust ratio ETA * |b| / |g_b| like the weights instead of "
                   "taking the plain gradient: step 1 agrees (zero biases, ratio 1), from step 2 each bias gradient "
                   "enters the momentum buffer scaled by that ratio (about 0.003 at step 2, under 0.4 by step 6), "
                   "so the bias buffers and updates are too small; weights and gradients are right",
         expected=("lars", "trust ratio", "layer-wise", "layer adaptation", "bias", "biases", "excluded",
                   "exclude", "param group", "parameter group", "b1", "b2", "eta", "norm", "momentum buffer")),
    dict(id="SH02_lars_double_softmax", side="port",
         args=pair("lars_numpy.py", "LarsMLP", "02_lars_double_softmax_port.py", "LarsMLP", *LARS, *LARS_PARAMS),
         mechanism="pair: the port's forward returns torch.softmax(logits) and F.cross_entropy applies its own "
                   "log-softmax on top, a softmax taken twice: the loss is the cross entropy of softmax(p) "
                   "with p the probabilities (near log 3, flat), and every gradient is squashed and different "
                   "from the first step",
         expected=("softmax", "double softmax", "twice", "cross_entropy", "cross entropy", "log_softmax",
                   "logits", "probabilities", "already", "normalized", "output activation", "forward",
                   "loss", "nll")),
    dict(id="SH03_lars_lambdalr_absolute", side="port",
         args=pair("lars_numpy.py", "LarsMLP", "03_lars_lambda_abs_lr_port.py", "LarsMLP", *LARS, *LARS_PARAMS),
         mechanism="pair: the LambdaLR lambda returns the learning rate lr_at(step + 1) itself instead of the "
                   "factor lr_at(step + 1) / LR; LambdaLR multiplies it by the base LR = 0.2 again, so every "
                   "update of every parameter is 0.2 times the NumPy one (lr squared), gradients and momentum "
                   "buffers agree",
         expected=("lambdalr", "lr_lambda", "learning rate", "schedule", "scheduler", "factor", "multiplier",
                   "multiplicative", "base lr", "lr squared", "0.2", "scaled", "every parameter", "update",
                   "constant ratio")),
    dict(id="SH04_lamb_trust_grad_norm", side="port",
         args=pair("lamb_numpy.py", "LambMLP", "04_lamb_grad_norm_trust_port.py", "LambMLP", *LAMB, *LAMB_PARAMS),
         mechanism="pair: the port's LAMB trust ratio is |w| / |g|, the norm of the (clipped) gradient as in "
                   "LARS, instead of |w| / |r|, the norm of the Adam direction plus decay: the weight matrices' "
                   "updates are off by |r| / |g| (a different factor per layer and step), the biases, gradients "
                   "and moments agree",
         expected=("lamb", "trust ratio", "norm", "gradient norm", "update norm", "adam update", "layer-wise",
                   "per layer", "ratio", "|w|", "lars", "weight", "update", "scale", "optimizer")),
    dict(id="SH05_lamb_target_broadcast", side="port",
         args=pair("lamb_numpy.py", "LambMLP", "05_lamb_target_broadcast_port.py", "LambMLP", *LAMB, *LAMB_PARAMS),
         mechanism="pair: the port calls F.mse_loss(pred, y) with pred (16, 1) and the 1-D target y (16,): the two "
                   "broadcast to (16, 16), every prediction compared with every target of the batch, so the loss "
                   "is the mean over all pairs and each prediction is pulled toward the batch mean of y; loss and "
                   "every gradient differ",
         expected=("broadcast", "broadcasting", "shape", "(n, 1)", "(n,)", "target shape", "view(-1, 1)",
                   "unsqueeze", "squeeze", "mse_loss", "every pair", "batch mean", "mean", "loss", "reshape")),
    dict(id="SH06_nadam_decoupled_decay", side="port",
         args=pair("nadam_numpy.py", "HuberNAdam", "06_nadam_decoupled_port.py", "HuberNAdam", *NADAM,
                   *NADAM_PARAMS),
         mechanism="pair: the port builds torch.optim.NAdam(..., decoupled_weight_decay=True) where the NumPy "
                   "NAdam adds the L2 term WD * w to the weights' gradient before the moments: the port shrinks "
                   "the weights by (1 - lr * WD) and its moments hold the bare gradient, so the weight matrices' "
                   "moments and updates differ (the biases, undecayed, agree)",
         expected=("weight decay", "decoupled", "decoupled_weight_decay", "l2", "coupled", "adamw", "nadamw",
                   "nadam", "moments", "exp_avg", "gradient", "proportional to the parameter", "update",
                   "regulariz", "shrink")),
    dict(id="SH07_nadam_smooth_l1", side="port",
         args=pair("nadam_numpy.py", "HuberNAdam", "07_nadam_smooth_l1_port.py", "HuberNAdam", *NADAM,
                   *NADAM_PARAMS),
         mechanism="pair: the port uses F.smooth_l1_loss(beta=DELTA) instead of F.huber_loss(delta=DELTA): with "
                   "DELTA = 0.5 smooth L1 is the Huber loss divided by DELTA, so the loss and every gradient are "
                   "twice the NumPy ones (NAdam's normalisation hides most of it in the bias updates; the L2 term "
                   "does not scale)",
         expected=("huber", "smooth_l1", "smooth l1", "huber_loss", "delta", "beta", "factor 2", "factor of 2",
                   "twice", "1/delta", "scaled", "loss", "gradient", "constant factor", "robust")),
    dict(id="SH08_nadam_gelu_erf", side="port",
         args=pair("nadam_numpy.py", "HuberNAdam", "08_nadam_gelu_erf_port.py", "HuberNAdam", *NADAM,
                   *NADAM_PARAMS),
         mechanism="pair: the port's activation is nn.GELU() (the exact erf form) where the NumPy program uses "
                   "the tanh approximation 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))): the hidden "
                   "activations differ by up to about 5e-4, so the output, loss and every gradient differ "
                   "slightly from the first step",
         expected=("gelu", "approximate", "tanh", "erf", "approximation", "approximate='tanh'", "activation",
                   "hidden", "forward", "0.044715", "exact", "nn.gelu", "small", "output")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SH09_lars_softmax_batch_axis", side="numpy",
         args=pair("09_lars_softmax_axis_numpy.py", "LarsMLP", "lars_torch.py", "LarsMLP", *LARS, *LARS_PARAMS),
         mechanism="pair: the softmax normalises over axis=0, the rows of the batch, instead of axis=1, the "
                   "three classes: each 'probability' is a share of its class column over the 20 rows, so the "
                   "loss is about log 20 instead of about log 3 and (p - onehot) / n gives wrong gradients for "
                   "every parameter",
         expected=("softmax", "axis", "axis=0", "axis=1", "wrong axis", "batch", "classes", "normaliz",
                   "probabilities", "sum to one", "forward", "cross entropy", "rows", "columns", "keepdims")),
    dict(id="SH10_lars_trust_denominator", side="numpy",
         args=pair("10_lars_trust_denominator_numpy.py", "LarsMLP", "lars_torch.py", "LarsMLP", *LARS,
                   *LARS_PARAMS),
         mechanism="pair: the LARS trust ratio is ETA * |w| / (|g| + WD) instead of ETA * |w| / (|g| + WD * |w|): "
                   "the weight-decay term of the denominator loses its |w|, so each weight matrix's local rate is "
                   "off by a small factor that depends on |w| (about 0.6% for W1, 0.02% for W2, the ratio too "
                   "large as |w| > 1), gradients agree; the biases agree",
         expected=("lars", "trust ratio", "denominator", "weight decay", "|w|", "norm", "weight norm", "eta",
                   "local learning rate", "layer-wise", "per layer", "update", "optimizer", "wd * |w|")),
    dict(id="SH11_lars_cosine_without_pi", side="numpy",
         args=pair("11_lars_cosine_no_pi_numpy.py", "LarsMLP", "lars_torch.py", "LarsMLP", *LARS, *LARS_PARAMS),
         mechanism="pair: the half-cosine decay is written 0.5 * LR * (1 + cos(progress)) without the pi, so after "
                   "the three warm-up updates (which agree) the learning rate decays far too slowly: the ratio of "
                   "the updates grows from about 1.003 at update 4 to about 3 by update 20, the same factor for "
                   "every parameter",
         expected=("cosine", "schedule", "learning rate", "pi", "math.pi", "decay", "annealing", "warmup",
                   "after warmup", "ratio", "grows", "every parameter", "update", "lr", "progress")),
    dict(id="SH12_lamb_backward_untransposed", side="numpy",
         args=pair("12_lamb_backward_transpose_numpy.py", "LambMLP", "lamb_torch.py", "LambMLP", *LAMB,
                   *LAMB_PARAMS),
         mechanism="pair: the backward through the square second layer uses dz2 @ W2 instead of dz2 @ W2.T (the "
                   "10 x 10 weight is not transposed, so the shapes still fit): the gradient reaching the first "
                   "layer is wrong, W1 and b1 get wrong gradients, W2, b2, W3, b3 and the loss are right",
         expected=("transpose", "transposed", ".t", "w2.t", "square", "backward", "backprop", "chain rule",
                   "hidden layer", "w1", "b1", "first layer", "gradient", "matmul", "finite differences")),
    dict(id="SH13_lamb_vhat_beta1", side="numpy",
         args=pair("13_lamb_v_hat_beta1_numpy.py", "LambMLP", "lamb_torch.py", "LambMLP", *LAMB, *LAMB_PARAMS),
         mechanism="pair: the second-moment bias correction divides by 1 - B1 ** t instead of 1 - B2 ** t (a "
                   "copy-paste of the first-moment line): v_hat is about 100 times too small at step 1, the Adam "
                   "direction about sqrt(100) = 10 times too large and the ratio moves with the step; the biases "
                   "(no trust ratio) show it fully, the weights through the decay term only",
         expected=("bias correction", "beta2", "beta1", "second moment", "v_hat", "exp_avg_sq", "1 - beta2 ** t",
                   "adam", "lamb", "copy-paste", "moves with the step", "step", "update", "denominator",
                   "optimizer")),
    dict(id="SH14_lamb_clip_always_rescales", side="numpy",
         args=pair("14_lamb_clip_no_min_numpy.py", "LambMLP", "lamb_torch.py", "LambMLP", *LAMB, *LAMB_PARAMS),
         mechanism="pair: the clipping coefficient is MAX_NORM / (norm + 1e-6) without min(1, ...): gradients whose "
                   "global norm is below 1 are scaled up to norm 1 instead of left alone; steps 1-6 (norm above 1, "
                   "clipped alike) agree, from step 7 the gradients, moments and updates are scaled by 1 / norm "
                   "(about 1.04 to 1.5)",
         expected=("clip", "clipping", "clip_grad_norm", "max_norm", "global norm", "min(1", "coefficient",
                   "scaled up", "rescale", "norm", "gradient", "factor", "every parameter", "below the threshold",
                   "one factor")),
    dict(id="SH15_nadam_huber_grad_delta1", side="numpy",
         args=pair("15_nadam_huber_grad_clip1_numpy.py", "HuberNAdam", "nadam_torch.py", "HuberNAdam", *NADAM,
                   *NADAM_PARAMS),
         mechanism="pair: the Huber gradient clips the residual to [-1, 1] instead of [-DELTA, DELTA] = [-0.5, 0.5]: "
                   "the loss uses DELTA but the backward treats residuals between 0.5 and 1 as quadratic and "
                   "caps larger ones at 1, so entries in the linear region get up to twice their gradient; every "
                   "gradient is wrong, the loss is right",
         expected=("huber", "delta", "clip", "np.clip", "residual", "linear region", "quadratic", "threshold",
                   "gradient", "backward", "hard-coded", "1.0", "loss and gradient", "inconsistent",
                   "finite differences")),
    dict(id="SH16_nadam_gelu_derivative", side="numpy",
         args=pair("16_nadam_gelu_grad_numpy.py", "HuberNAdam", "nadam_torch.py", "HuberNAdam", *NADAM,
                   *NADAM_PARAMS),
         mechanism="pair: the GELU derivative keeps only 0.5 (1 + tanh(u)) and drops the product-rule term "
                   "0.5 z (1 - tanh(u)^2) sqrt(2/pi) (1 + 3 * 0.044715 z^2): the backward through the hidden "
                   "layer is wrong, W1 and b1 get wrong gradients, W2, b2 and the loss are right",
         expected=("gelu", "derivative", "product rule", "tanh", "sech", "activation", "backward", "hidden",
                   "w1", "b1", "missing term", "chain rule", "gradient", "finite differences", "activation-derivative")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SH17_lars_torch_layout_numpy", side="correct",
         args=pair("lars_alt_numpy.py", "LarsMLPAlt", "lars_torch.py", "LarsMLP", *LARS, *LARS_ALT_PARAMS),
         mechanism="pair: the LARS classifier in NumPy with its weights in torch's (out, in) layout under other "
                   "names, np.einsum products, a log-sum-exp log-softmax cross entropy, the schedule precomputed "
                   "into a list, in-place momentum arithmetic and LARS as a direction method; against the "
                   "Optimizer-subclass port", expected=()),
    dict(id="SH18_lamb_optimizer_subclass_port", side="correct",
         args=pair("lamb_numpy.py", "LambMLP", "lamb_opt_torch.py", "LambMLPSeq", *LAMB, *LAMB_SEQ_PARAMS),
         mechanism="pair: LAMB port as an nn.Sequential with a torch.optim.Optimizer subclass (lerp first moment, "
                   "param groups carrying the decay and an adapt flag, moments in optimizer.state), the 1-D target "
                   "against pred.squeeze(1) and the global-norm clipping written by hand", expected=()),
    dict(id="SH19_nadam_flat_vector_numpy", side="correct",
         args=pair("nadam_flat_numpy.py", "HuberNAdamFlat", "nadam_torch.py", "HuberNAdam", *NADAM,
                   *NADAM_FLAT_PARAMS),
         mechanism="pair: the Huber/NAdam regressor in NumPy with every parameter a view into one flat vector, "
                   "the gradients written through views of one flat gradient, NAdam stepping the whole vector "
                   "with a boolean weight mask for the L2 term, the Huber loss as 0.5 q^2 + DELTA (|r| - q) and "
                   "the GELU derivative through 1 / cosh^2", expected=()),
]
