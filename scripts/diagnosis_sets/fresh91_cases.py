"""Ninety-first fresh held-out set for the diagnosis: one planted bug per program in fresh91/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is optimizers written by hand beyond the textbook ones, on ordinary MLPs. A softmax
classifier (tanh hidden layer, cross-entropy on one-hot targets) trained with Adafactor without
momentum: factored second moments for the weight matrices (exponential averages of the row means
and the column means of g^2 + EPS1, V = outer(row, col) / mean(row)), a full one for the biases,
both bias-corrected, the update's RMS clipped to 1 and scaled by the parameter's RMS, with a linear
warmup then inverse-square-root decay (the port a torch.optim.Optimizer subclass and a LambdaLR);
a two-hidden-layer regressor (ReLU then tanh, mean squared error on a 1-D target) trained with
LAMB: bias-corrected Adam moments, decoupled weight decay on the weight matrices only and a
per-layer trust ratio ||w|| / ||r||, with a linear warmup then linear decay (the port an Optimizer
subclass over two param groups); and a binary classifier (inputs standardised in the forward with
the batch's population std, a sigmoid hidden layer, BCE with logits) trained with gradient
centralisation over each weight's fan-in, global-norm clipping, and Nesterov momentum with L2
weight decay on the weights only and a cosine schedule (the port centralises .grad in place, calls
clip_grad_norm_, and uses torch.optim.SGD(nesterov=True) with CosineAnnealingLR).
fresh91/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh91_cases

Each case:
    id          short name (prefixed RM)
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

F = "scripts/diagnosis_sets/fresh91/"

BLOBS, HOUSING, CHURN = F + "blobs.npz", F + "housing.npz", F + "churn.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


AF = ("--data", BLOBS, "--batch-size", "20")
AF_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")
AF_OUTIN_PARAMS = params("params['fc1.weight']=fc1.weight", "params['fc1.bias']=fc1.bias",
                         "params['fc2.weight']=fc2.weight", "params['fc2.bias']=fc2.bias")
LB = ("--data", HOUSING, "--batch-size", "16")
LB_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias", "params['W3']=fc3.weight.T", "params['b3']=fc3.bias")
LB_SEQ_PARAMS = params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias",
                       "params['W2']=net.2.weight.T", "params['b2']=net.2.bias",
                       "params['W3']=net.4.weight.T", "params['b3']=net.4.bias")
GC = ("--data", CHURN)
GC_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RM01_af_clip_norm", side="port",
         args=pair("adafactor_numpy.py", "FactoredMLP", "01_af_clip_norm_port.py", "FactoredMLP", *AF,
                   *AF_PARAMS),
         mechanism="pair: the port's Adafactor clips the update with u.norm() (the L2 norm, sqrt(numel) times the "
                   "RMS) instead of its RMS: u / max(1, ||u|| / d) divides each update by about sqrt(numel) "
                   "(sqrt(60), sqrt(30), sqrt(10), sqrt(3)) times its RMS even where the RMS is under 1, so every "
                   "parameter's update is several times too small; gradients and second moments agree",
         expected=("adafactor", "clip", "clipping", "rms", "root mean square", "norm", "l2 norm", "numel",
                   "sqrt", "update clipping", "clip threshold", "update", "too small", "optimizer",
                   "one factor")),
    dict(id="RM02_af_softmax_output", side="port",
         args=pair("adafactor_numpy.py", "FactoredMLP", "02_af_softmax_output_port.py", "FactoredMLP", *AF,
                   *AF_PARAMS),
         mechanism="pair: the port's forward returns torch.softmax(logits) and train_step passes it to "
                   "F.cross_entropy, which applies log_softmax again: the loss is the cross-entropy of a "
                   "softmax of probabilities (squashed toward uniform, near log 3), and every gradient is "
                   "much smaller and differently shaped than the NumPy program's",
         expected=("softmax", "double softmax", "softmax twice", "cross_entropy", "cross-entropy",
                   "log_softmax", "logits", "probabilities", "already", "output", "forward", "loss",
                   "applied twice", "raw logits", "normaliz")),
    dict(id="RM03_af_schedule_max", side="port",
         args=pair("adafactor_numpy.py", "FactoredMLP", "03_af_schedule_max_port.py", "FactoredMLP", *AF,
                   *AF_PARAMS),
         mechanism="pair: the LambdaLR factor is max((s + 1) / WARMUP, sqrt(WARMUP / (s + 1))) instead of min(...): "
                   "there is no warmup, the first update uses 2.24 * LR instead of 0.2 * LR and the rate "
                   "falls to LR at update 5 then grows as (s + 1) / WARMUP instead of decaying; gradients and "
                   "second moments agree, each update differs by one factor for all parameters",
         expected=("schedule", "scheduler", "learning rate", "lambdalr", "warmup", "warm-up", "max", "min",
                   "inverse square root", "decay", "lr_lambda", "one factor", "all parameters", "step size",
                   "grows")),
    dict(id="RM04_lamb_decay_biases", side="port",
         args=pair("lamb_numpy.py", "LambRegressor", "04_lamb_decay_biases_port.py", "LambRegressor", *LB,
                   *LB_PARAMS),
         mechanism="pair: the biases' param group omits \"weight_decay\": 0.0, so it takes the optimizer's "
                   "default weight_decay=WD: the LAMB step of each bias gains WD * b before the trust ratio, "
                   "decaying the biases (a difference proportional to the bias) where the NumPy program "
                   "decays only the weight matrices; weights and gradients agree",
         expected=("weight decay", "weight_decay", "bias", "biases", "param group", "param_groups", "no_decay",
                   "exclude", "excluded", "default", "decoupled", "proportional to the parameter", "lamb",
                   "b1", "decay")),
    dict(id="RM05_lamb_target_shape", side="port",
         args=pair("lamb_numpy.py", "LambRegressor", "05_lamb_target_shape_port.py", "LambRegressor", *LB,
                   *LB_PARAMS),
         mechanism="pair: the port calls F.mse_loss(model(X), y) with an (n, 1) output against the 1-D (n,) "
                   "target without squeeze(1): broadcasting makes an (n, n) table of every output minus every "
                   "target, so the loss is the mean over all pairs and every gradient pulls each output toward "
                   "the batch's mean target",
         expected=("broadcast", "broadcasting", "shape", "(n, 1)", "(n,)", "squeeze", "unsqueeze", "view",
                   "target", "mse_loss", "mismatch", "n x n", "every pair", "mean of the targets", "dimension")),
    dict(id="RM06_lamb_trust_grad", side="port",
         args=pair("lamb_numpy.py", "LambRegressor", "06_lamb_trust_grad_port.py", "LambRegressor", *LB,
                   *LB_PARAMS),
         mechanism="pair: the port's trust ratio is ||w|| / ||g||, the gradient's norm (LARS's), instead of "
                   "||w|| / ||r||, the norm of the LAMB step (Adam ratio plus weight decay): each layer's update "
                   "is scaled by ||r|| / ||g||, a different and much larger factor per parameter tensor",
         expected=("trust ratio", "trust", "lamb", "lars", "norm", "gradient norm", "update norm", "||w||",
                   "layer-wise", "per-layer", "adaptive", "ratio", "scaled", "per parameter", "update")),
    dict(id="RM07_gc_fanout", side="port",
         args=pair("gc_nesterov_numpy.py", "CentredNesterovNet", "07_gc_fanout_port.py", "CentredNesterovNet",
                   *GC, *GC_PARAMS),
         mechanism="pair: the port centralises each (out, in) weight gradient with mean(dim=0), over the output "
                   "units (fan-out), instead of mean(dim=1), over the fan-in: fc1's gradient loses each input "
                   "column's mean instead of each unit's row mean, and fc2's (1, 12) gradient minus its own "
                   "one-element mean is all zeros, so W2 gets no gradient at all",
         expected=("centraliz", "centralis", "gradient centralization", "mean", "dim=0", "dim=1", "axis",
                   "fan-in", "fan-out", "layout", "transpose", "(out, in)", "zero gradient", "w2", "subtract")),
    dict(id="RM08_gc_std_unbiased", side="port",
         args=pair("gc_nesterov_numpy.py", "CentredNesterovNet", "08_gc_std_unbiased_port.py",
                   "CentredNesterovNet", *GC, *GC_PARAMS),
         mechanism="pair: the port standardises the inputs with X.std(dim=0), torch's unbiased (n - 1) "
                   "estimate, where np.std divides by n: every standardised input is sqrt((n-1)/n) = 0.987 "
                   "times the NumPy program's, so the forward, the loss and every gradient differ slightly "
                   "from the first step",
         expected=("std", "standard deviation", "unbiased", "biased", "bessel", "n - 1", "n-1", "ddof",
                   "correction", "standardiz", "standardis", "normaliz", "input", "forward", "variance")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RM09_af_w1_grad", side="numpy",
         args=pair("09_af_w1_grad_numpy.py", "FactoredMLP", "adafactor_torch.py", "FactoredMLP", *AF, *AF_PARAMS),
         mechanism="pair: the hand-written backward takes W1's gradient as X.T @ dh, the gradient at the tanh "
                   "output, instead of X.T @ da with da = dh * (1 - h^2): the tanh derivative is left out of "
                   "W1's gradient only (b1's keeps it); the loss, W2, b2 and b1 are right",
         expected=("tanh", "derivative", "1 - h", "activation", "backward", "chain rule", "w1", "hidden layer",
                   "missing factor", "da", "dh", "local gradient", "pre-activation", "gradient")),
    dict(id="RM10_af_row_ema", side="numpy",
         args=pair("10_af_row_ema_numpy.py", "FactoredMLP", "adafactor_torch.py", "FactoredMLP", *AF, *AF_PARAMS),
         mechanism="pair: the factored row statistic is updated as (1 - BETA2) * row + BETA2 * mean(g^2), the "
                   "two coefficients swapped: the row factor follows only the latest gradient (no averaging) "
                   "while the column factor averages, so from step 2 the weight matrices' second-moment "
                   "estimates and updates differ (step 1 agrees after the normalisation); biases are right",
         expected=("adafactor", "factored", "row", "second moment", "exponential moving average", "ema",
                   "beta2", "1 - beta2", "swapped", "coefficients", "decay rate", "running average",
                   "optimizer", "update", "step 2")),
    dict(id="RM11_af_loss_mean", side="numpy",
         args=pair("11_af_loss_mean_numpy.py", "FactoredMLP", "adafactor_torch.py", "FactoredMLP", *AF,
                   *AF_PARAMS),
         mechanism="pair: the reported cross-entropy is -np.mean(y * logp), averaged over all n * 3 entries "
                   "of the one-hot table instead of summed over classes and averaged over rows: the loss value "
                   "is 3 times too small (the number of classes) while the gradients and updates are right",
         expected=("loss", "mean", "number of classes", "classes", "factor 3", "one-hot", "cross-entropy",
                   "sum over classes", "per row", "reduction", "loss value", "reported loss", "inconsistent",
                   "loss only", "scale")),
    dict(id="RM12_lamb_tanh_preact", side="numpy",
         args=pair("12_lamb_tanh_preact_numpy.py", "LambRegressor", "lamb_torch.py", "LambRegressor", *LB,
                   *LB_PARAMS),
         mechanism="pair: the backward through the second hidden layer uses 1 - z2^2, the pre-activation "
                   "squared, instead of 1 - tanh(z2)^2 = 1 - h2^2: the local derivative is wrong (even negative "
                   "where |z2| > 1), so W2, b2, W1 and b1 get wrong gradients; the loss, W3 and b3 are right",
         expected=("tanh", "derivative", "pre-activation", "z2", "h2", "1 - h^2", "activation", "backward",
                   "chain rule", "hidden layer", "local gradient", "w2", "w1", "gradient")),
    dict(id="RM13_lamb_trust_adam", side="numpy",
         args=pair("13_lamb_trust_adam_numpy.py", "LambRegressor", "lamb_torch.py", "LambRegressor", *LB,
                   *LB_PARAMS),
         mechanism="pair: the LAMB trust ratio divides ||w|| by the norm of the Adam ratio alone, before the "
                   "weight-decay term WD * w is added, instead of by ||r|| of the full step: the decayed weight "
                   "matrices' updates are scaled by ||r|| / ||adam|| (slightly), the biases (not decayed) agree",
         expected=("trust ratio", "trust", "lamb", "weight decay", "norm", "update norm", "before", "decoupled",
                   "||r||", "adam", "per-layer", "layer-wise", "ratio", "weights", "scaled")),
    dict(id="RM14_gc_bce_grad", side="numpy",
         args=pair("14_gc_bce_grad_numpy.py", "CentredNesterovNet", "gc_nesterov_torch.py", "CentredNesterovNet",
                   *GC, *GC_PARAMS),
         mechanism="pair: the gradient of the BCE-with-logits loss is written (p - y) * p * (1 - p) / n, an "
                   "extra sigmoid derivative as if the loss were on the probability, instead of (p - y) / n: "
                   "every gradient is scaled per row by p(1 - p) (at most 0.25); the loss is right",
         expected=("sigmoid", "derivative", "p * (1 - p)", "logits", "bce", "binary cross-entropy",
                   "with logits", "extra factor", "p - y", "backward", "output layer", "chain rule", "gradient",
                   "cross-entropy")),
    dict(id="RM15_gc_clip_per_tensor", side="numpy",
         args=pair("15_gc_clip_per_tensor_numpy.py", "CentredNesterovNet", "gc_nesterov_torch.py",
                   "CentredNesterovNet", *GC, *GC_PARAMS),
         mechanism="pair: the clipping coefficient uses each tensor's own norm, MAX_NORM / ||g_k||, instead of "
                   "the global norm over all gradients (clip_grad_norm_): each parameter is clipped "
                   "separately, to norm MAX_NORM, so the clipped gradients are larger and no longer share one "
                   "factor; steps where the global norm is under MAX_NORM agree",
         expected=("clip", "clipping", "global norm", "clip_grad_norm_", "per tensor", "per-tensor",
                   "per parameter", "total norm", "max_norm", "norm", "gradient", "factor", "separately",
                   "each parameter")),
    dict(id="RM16_gc_cosine_no_pi", side="numpy",
         args=pair("16_gc_cosine_no_pi_numpy.py", "CentredNesterovNet", "gc_nesterov_torch.py",
                   "CentredNesterovNet", *GC, *GC_PARAMS),
         mechanism="pair: the cosine schedule is written cos(s / T) without pi instead of cos(pi * s / T): the "
                   "learning rate decays far too slowly (0.472 instead of 0.275 at update 10); the first update "
                   "agrees, from the second every update differs by one factor for all parameters",
         expected=("cosine", "schedule", "learning rate", "pi", "cosineannealinglr", "annealing", "decay",
                   "scheduler", "t_max", "one factor", "all parameters", "step size", "too slow", "lr")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RM17_af_outin_numpy", side="correct",
         args=pair("adafactor_outin_numpy.py", "FactoredMLPOutIn", "adafactor_torch.py", "FactoredMLP", *AF,
                   *AF_OUTIN_PARAMS),
         mechanism="pair: the Adafactor classifier in NumPy with the parameters under torch's names and the "
                   "weights stored (out, in), np.logaddexp.reduce for the log-softmax, one state dict per "
                   "parameter, the factored moment normalised by the column factor's mean and bias-corrected "
                   "once, the RMS as norm / sqrt(size) and a branching schedule; against the Optimizer-subclass "
                   "port", expected=()),
    dict(id="RM18_lamb_seq_port", side="correct",
         args=pair("lamb_numpy.py", "LambRegressor", "lamb_seq_torch.py", "LambSeq", *LB, *LB_SEQ_PARAMS),
         mechanism="pair: LAMB port as an nn.Sequential with a flattened output, the squared error written out, "
                   "param groups by tensor rank, the step count a tensor in the state, lerp_ for the first "
                   "moment, torch.linalg.vector_norm and torch.where for the trust ratio and the schedule "
                   "applied inside the optimizer", expected=()),
    dict(id="RM19_gc_hooks_port", side="correct",
         args=pair("gc_nesterov_numpy.py", "CentredNesterovNet", "gc_hooks_torch.py", "CentredNesterovHooks", *GC,
                   *GC_PARAMS),
         mechanism="pair: centralised-Nesterov port with gradient centralisation in tensor hooks on the weights, "
                   "var(unbiased=False).sqrt() standardisation, softplus(z) - y z for the loss, clip_grad_norm_ "
                   "and a hand-written Nesterov Optimizer subclass computing the cosine rate from its own "
                   "update count", expected=()),
]
