"""Two hundred and tenth fresh held-out set for the diagnosis: one planted bug per program in
fresh210/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is MLP classifiers trained
with schedules and clipping written by hand: cosine annealing with warm restarts (SGDR) or a
step decay, SGD with Nesterov or heavy-ball momentum, gradient clipping by global norm or by
value, and a label-smoothed cross-entropy.

The base programs (data from fresh210/make_data.py, fixed seed, nothing random while training):

    sgdr_numpy.py:SGDRNet / sgdr_torch.py:SGDRNet, sgdr.npz X (48, 10), y (48,) in {0..3}
        dense 10->32 ReLU -> dense 32->4 (params dict, W kept (in, out)); label-smoothed
        cross-entropy, eps 0.1 (target (1 - eps) onehot + eps / K), mean over the batch;
        clip by global norm 1.0 (coefficient max / (norm + 1e-6) clamped at 1, as
        clip_grad_norm_); SGD lr 0.1, Nesterov momentum 0.9, coupled weight decay 5e-4 (as
        torch.optim.SGD(nesterov=True)); CosineAnnealingWarmRestarts(T_0=4, T_mult=2,
        eta_min=0.005) stepped after each update. net.grads holds the clipped gradients,
        net.velocity the momentum buffers.
    step_numpy.py:StepNet / step_torch.py:StepNet, step.npz X (32, 6), y (32,) in {0, 1, 2}
        dense 6->16 tanh -> 16->16 tanh -> 16->3 (attributes W1..b3, W kept (out, in));
        label-smoothed cross-entropy, eps 0.2, mean; clip every gradient element to
        [-0.02, 0.02] (as clip_grad_value_); SGD lr 0.2 with heavy-ball momentum 0.9
        (v = mu v + g; p -= lr v); StepLR(step_size=5, gamma=0.5) stepped after each update.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh210_cases

Each case:
    id          short name (prefixed WB)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh210/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def sgdr(numpy="sgdr_numpy.py", port="sgdr_torch.py"):
    return [F + numpy + ":SGDRNet", "--torch", F + port + ":SGDRNet",
            "--data", F + "sgdr.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def sgdr_alt():
    return [F + "sgdr_alt_numpy.py:SGDRAlt", "--torch", F + "sgdr_torch.py:SGDRNet",
            "--data", F + "sgdr.npz", "--as-written",
            "--param", "layers[0]['W']=fc1.weight",
            "--param", "layers[0]['b']=fc1.bias",
            "--param", "layers[1]['W']=fc2.weight",
            "--param", "layers[1]['b']=fc2.bias", *RUN]


def step(numpy="step_numpy.py", port="step_torch.py"):
    return [F + numpy + ":StepNet", "--torch", F + port + ":StepNet",
            "--data", F + "step.npz", "--as-written",
            "--param", "W1=fc1.weight",
            "--param", "b1=fc1.bias",
            "--param", "W2=fc2.weight",
            "--param", "b2=fc2.bias",
            "--param", "W3=fc3.weight",
            "--param", "b3=fc3.bias", *RUN]


def step_seq():
    return [F + "step_numpy.py:StepNet", "--torch", F + "step_alt_torch.py:StepSeq",
            "--data", F + "step.npz", "--as-written",
            "--param", "W1=net.0.weight",
            "--param", "b1=net.0.bias",
            "--param", "W2=net.2.weight",
            "--param", "b2=net.2.bias",
            "--param", "W3=net.4.weight",
            "--param", "b3=net.4.bias", *RUN]


def step_layers():
    return [F + "step_layers_numpy.py:LayerStepNet", "--torch", F + "step_torch.py:StepNet",
            "--data", F + "step.npz", "--as-written",
            "--param", "layers[0].W=fc1.weight.T",
            "--param", "layers[0].b=fc1.bias",
            "--param", "layers[1].W=fc2.weight.T",
            "--param", "layers[1].b=fc2.bias",
            "--param", "layers[2].W=fc3.weight.T",
            "--param", "layers[2].b=fc3.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WB01", "side": "port", "args": sgdr(port="01_noweightdecay_port.py"),
     "mechanism": "torch.optim.SGD built without weight_decay=5e-4: the coupled L2 term wd * p "
                  "that the NumPy update adds to every gradient is missing",
     "expected": ("weight decay", "weight_decay", "l2", "decay", "missing")},
    {"id": "WB02", "side": "port", "args": sgdr(port="02_nosmoothing_port.py"),
     "mechanism": "F.cross_entropy without label_smoothing=0.1: plain cross-entropy where the NumPy "
                  "loss and its gradient use smoothed targets",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "smoothed", "cross-entropy")},
    {"id": "WB03", "side": "port", "args": sgdr(port="03_pertensorclip_port.py"),
     "mechanism": "clip_grad_norm_ called on each parameter in a loop: every tensor clipped to norm 1 "
                  "on its own instead of one global norm over all gradients",
     "expected": ("global norm", "per-parameter", "per parameter", "clip", "norm")},
    {"id": "WB04", "side": "port", "args": sgdr(port="04_nonesterov_port.py"),
     "mechanism": "torch.optim.SGD(momentum=0.9) without nesterov=True: heavy-ball momentum "
                  "(p -= lr v) where the NumPy program takes the Nesterov step (p -= lr (g + mu v))",
     "expected": ("nesterov", "heavy-ball", "heavy ball", "momentum", "look-ahead")},
    {"id": "WB05", "side": "port", "args": step(port="05_schedorder_port.py"),
     "mechanism": "scheduler.step() called before optimizer.step(): the StepLR decay comes one "
                  "update early (the 5th update already uses lr 0.1)",
     "expected": ("scheduler", "order", "off-by-one", "early", "learning rate", "step decay")},
    {"id": "WB06", "side": "port", "args": step(port="06_clipnorm_port.py"),
     "mechanism": "clip_grad_norm_(params, 0.02) where the NumPy program clips each element by "
                  "value (clip_grad_value_ 0.02)",
     "expected": ("clip", "by value", "clip_grad_value", "norm", "clipping")},
    {"id": "WB07", "side": "port", "args": step(port="07_smoothk1_port.py"),
     "mechanism": "hand-written label-smoothed loss spreading eps / (K - 1) over the wrong classes "
                  "only, instead of eps / K over all classes (torch's and the NumPy convention)",
     "expected": ("label smoothing", "smoothing", "k - 1", "target", "uniform")},
    {"id": "WB08", "side": "port", "args": step(port="08_zerograd_port.py"),
     "mechanism": "optimizer.zero_grad() forgotten: .grad accumulates the (clipped) gradients of "
                  "every earlier step; identical at step 1",
     "expected": ("zero_grad", "accumulat", "not zeroed", "previous step")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WB09", "side": "numpy", "args": sgdr(numpy="09_nesterovstale_numpy.py"),
     "mechanism": "Nesterov look-ahead taken with the previous velocity (p -= lr (d + mu v_old), "
                  "then v = mu v + d) instead of the updated buffer",
     "expected": ("nesterov", "velocity", "momentum", "stale", "previous", "order")},
    {"id": "WB10", "side": "numpy", "args": sgdr(numpy="10_smoothgrad_numpy.py"),
     "mechanism": "backward uses softmax - onehot: the label smoothing is in the loss but left out "
                  "of the logits gradient",
     "expected": ("label smoothing", "smoothing", "gradient", "onehot", "target")},
    {"id": "WB11", "side": "numpy", "args": sgdr(numpy="11_normsum_numpy.py"),
     "mechanism": "global norm for clipping taken as the sum of the per-tensor norms instead of "
                  "sqrt of the sum of squares: the clip coefficient too small while clipping is active",
     "expected": ("norm", "clip", "global norm", "sum of squares", "coefficient")},
    {"id": "WB12", "side": "numpy", "args": sgdr(numpy="12_sgdroffbyone_numpy.py"),
     "mechanism": "step counter incremented before the SGDR learning rate is read: every update "
                  "uses the rate of the next one (off by one, the first update below the base rate)",
     "expected": ("off-by-one", "off by one", "schedule", "learning rate", "step count")},
    {"id": "WB13", "side": "numpy", "args": step(numpy="13_tanhderiv_numpy.py"),
     "mechanism": "first hidden layer's tanh derivative taken as 1 - z**2 of the pre-activation "
                  "instead of 1 - tanh(z)**2 (W1, b1 gradients only)",
     "expected": ("tanh", "derivative", "pre-activation", "activation", "b1", "w1")},
    {"id": "WB14", "side": "numpy", "args": step(numpy="14_onesideclip_numpy.py"),
     "mechanism": "clipping by value written np.minimum(g, c): only the upper bound, large negative "
                  "gradient elements are not clipped to -c",
     "expected": ("clip", "lower bound", "negative", "one-sided", "by value")},
    {"id": "WB15", "side": "numpy", "args": step(numpy="15_biasmean_numpy.py"),
     "mechanism": "bias gradients reduced with mean over the batch where the deltas are already "
                  "divided by N: every bias gradient 32 times too small",
     "expected": ("bias", "mean", "sum", "batch", "32", "reduction")},
    {"id": "WB16", "side": "numpy", "args": step(numpy="16_emamomentum_numpy.py"),
     "mechanism": "momentum written as an EMA, v = mu v + (1 - mu) g, where torch's SGD "
                  "accumulates v = mu v + g (dampening 0)",
     "expected": ("momentum", "dampening", "ema", "1 - mu", "velocity")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WB17", "side": "correct", "args": sgdr_alt(),
     "mechanism": "correct: list of layer dicts with weights (out, in), einsum, smoothing gradient "
                  "as softmax - (1-eps) onehot - eps/K, Nesterov as (1+mu) d + mu^2 v_old with "
                  "in-place buffers, SGDR tracked incrementally",
     "expected": ()},
    {"id": "WB18", "side": "correct", "args": step_seq(),
     "mechanism": "correct: port as nn.Sequential with a hand-written smoothed cross-entropy, "
                  "clamp_ on each .grad, step decay as a LambdaLR",
     "expected": ()},
    {"id": "WB19", "side": "correct", "args": step_layers(),
     "mechanism": "correct: NumPy list of Dense objects with weights (in, out), soft targets, "
                  "in-place clipping and momentum, the rate halved in place every 5 updates",
     "expected": ()},
]
