"""One hundred thirty-third fresh held-out set, written blind: one planted bug per program in fresh133/,
each a copy of one of three base programs with one small change. The theme is training-loop
mechanics written by hand around ordinary MLPs: gradient accumulation over micro-batches, a
static loss scale undone before the update, gradient clipping by global norm or by value, an
L2 penalty in the loss against decoupled weight decay, and an exponential moving average (EMA,
Polyak averaging) of the weights used for the compared output.

The base programs (data written by fresh133/make_data.py, fixed seed):

    accum_numpy.py:AccumMLP / accum_port.py:AccumMLP   (accum.npz: X (64, 6), y (64, 2) float)
        tanh MLP 6-10-2 regressor, linear output; loss per micro-batch = mean squared error +
        0.5 * 1e-2 * (|W1|^2 + |W2|^2) (L2 penalty in the loss, weights only).  One step splits the
        batch into 4 equal micro-batches, backpropagates each loss * 128 / 4 (static loss scale,
        averaged accumulation), sums the gradients, divides them by 128, clips the global L2 norm
        to 2.0 (clip_grad_norm_'s formula), then SGD with momentum 0.9, lr 0.1 (torch.optim.SGD).
        NumPy: params dict W1 (6, 10), b1, W2 (10, 2), b2; grads; velocity.

    ema_numpy.py:EmaMLP / ema_port.py:EmaMLP           (ema.npz: X (60, 5) float, y (60,) int64)
        ReLU MLP 5-12-3 classifier, mean softmax cross-entropy.  Each step: backprop, clip every
        gradient entry to [-0.05, 0.05] (clip_grad_value_), AdamW (lr 0.01, betas 0.9/0.999,
        eps 1e-8, decoupled weight decay 0.05 on every parameter), then the weight EMA
        ema = 0.9 * ema + 0.1 * p (started from the initial weights); the compared output is the
        EMA model's logits on the batch.  NumPy: params, grads, m, v, t, ema.

    wd_numpy.py:WdMLP / wd_port.py:WdMLP               (wd.npz: X (56, 4) float, y (56, 1) 0/1)
        MLP 4-8(relu)-6(tanh)-1 with BCE-with-logits; loss = sum over rows / N.  One step walks
        the batch in micro-batches of 16 rows (16, 16, 16, 8), each contributing its summed loss
        / N times a static loss scale 1024; gradients summed, scale undone, then a hand-written
        SGD step (lr 0.5) with decoupled weight decay 0.05 on the weights only (not the biases),
        then a weight EMA with TensorFlow's warm-up d = min(0.99, (1 + t) / (10 + t)); the
        compared output is the EMA model's sigmoid probabilities on the batch.  The port writes
        the update by hand under torch.no_grad().

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh133_cases

Each case:
    id          short name (prefixed TC)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the NumPy
                program built by --init, parameters paired by --param, the EMA output compared by
                --output / --torch-output where the program has one
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings list or its tests; validated by
exit status alone (every bug fails, its fixed copy passes, every correct program passes).
"""

F = "scripts/diagnosis_sets/fresh133/"

RUN = ["--as-written", "--steps", "20", "--dtype", "float32", "--device", "cpu"]

ACCUM = ["--data", F + "accum.npz", "--init", "net = AccumMLP()",
         "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
         "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias", *RUN]

EMA = ["--data", F + "ema.npz", "--init", "net = EmaMLP()",
       "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
       "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias",
       "--output", "net.ema_output", "--torch-output", "model.ema_output", *RUN]

EMA_RAW = ["--data", F + "ema.npz", "--init", "net = EmaMLP()",
           "--param", "params['W1']=W1", "--param", "params['b1']=b1",
           "--param", "params['W2']=W2", "--param", "params['b2']=b2",
           "--output", "net.ema_output", "--torch-output", "model.ema_output", *RUN]

WD = ["--data", F + "wd.npz", "--init", "net = WdMLP()",
      "--param", "params['W1']=fc1.weight.T", "--param", "params['b1']=fc1.bias",
      "--param", "params['W2']=fc2.weight.T", "--param", "params['b2']=fc2.bias",
      "--param", "params['W3']=fc3.weight.T", "--param", "params['b3']=fc3.bias",
      "--output", "net.ema_prob", "--torch-output", "model.ema_prob", *RUN]


def port(numpy_file, port_file, cls, rest):
    return [F + numpy_file + ":" + cls, "--torch", F + port_file + ":" + cls, *rest]


CASES = [
    # ------------------------------------------------------------------ port bugs
    {"id": "TC01", "side": "port",
     "args": port("accum_numpy.py", "01_accumsum_port.py", "AccumMLP", ACCUM),
     "mechanism": "gradient accumulation sums the micro-batch gradients: each micro-batch loss is not divided by the number of micro-batches (4x the averaged gradient)",
     "expected": ("accumulat", "micro-batch", "average", "factor")},
    {"id": "TC02", "side": "port",
     "args": port("accum_numpy.py", "02_clipscaled_port.py", "AccumMLP", ACCUM),
     "mechanism": "clip_grad_norm_ applied to the still loss-scaled gradients, before they are divided by the loss scale (unscale after clipping)",
     "expected": ("loss scale", "unscale", "clip", "order")},
    {"id": "TC03", "side": "port",
     "args": port("accum_numpy.py", "03_zerograd_port.py", "AccumMLP", ACCUM),
     "mechanism": "optimizer.zero_grad() inside the micro-batch loop: only the last micro-batch's gradient survives the accumulation",
     "expected": ("zero_grad", "accumulat", "micro-batch", "last")},
    {"id": "TC04", "side": "port",
     "args": port("ema_numpy.py", "04_adaml2_port.py", "EmaMLP", EMA),
     "mechanism": "torch.optim.Adam(weight_decay=...) instead of AdamW: an L2 term coupled into the gradient instead of decoupled weight decay",
     "expected": ("weight decay", "decoupled", "adamw", "l2")},
    {"id": "TC05", "side": "port",
     "args": port("ema_numpy.py", "05_emadecay_port.py", "EmaMLP", EMA),
     "mechanism": "EMA of the weights with the decay swapped: ema = (1 - d) * ema + d * p instead of d * ema + (1 - d) * p",
     "expected": ("ema", "moving average", "decay", "polyak")},
    {"id": "TC06", "side": "port",
     "args": port("ema_numpy.py", "06_clipnorm_port.py", "EmaMLP", EMA),
     "mechanism": "clip_grad_norm_(CLIP) instead of clip_grad_value_(CLIP): gradients clipped by global norm instead of per value",
     "expected": ("clip", "norm", "value")},
    {"id": "TC07", "side": "port",
     "args": port("wd_numpy.py", "07_microavg_port.py", "WdMLP", WD),
     "mechanism": "each micro-batch's mean loss divided by the number of micro-batches instead of its summed loss divided by the batch size: the unequal last micro-batch is over-weighted",
     "expected": ("micro-batch", "accumulat", "reduction", "batch size")},
    {"id": "TC08", "side": "port",
     "args": port("wd_numpy.py", "08_biasdecay_port.py", "WdMLP", WD),
     "mechanism": "decoupled weight decay applied to the biases too (p.ndim >= 1 instead of p.ndim > 1)",
     "expected": ("weight decay", "bias", "decay")},
    # ------------------------------------------------------------------ NumPy bugs
    {"id": "TC09", "side": "numpy",
     "args": port("09_l2grad_numpy.py", "accum_port.py", "AccumMLP", ACCUM),
     "mechanism": "the L2 penalty's gradient LAM * W1 left out of W1's gradient, though the loss includes the penalty",
     "expected": ("l2", "penalty", "weight decay", "regulari")},
    {"id": "TC10", "side": "numpy",
     "args": port("10_clipsumnorm_numpy.py", "accum_port.py", "AccumMLP", ACCUM),
     "mechanism": "global gradient norm for clipping taken as the sum of the per-tensor norms instead of the square root of the summed squares",
     "expected": ("clip", "norm")},
    {"id": "TC11", "side": "numpy",
     "args": port("11_msedenom_numpy.py", "accum_port.py", "AccumMLP", ACCUM),
     "mechanism": "MSE derivative divided by the number of rows instead of the number of elements (rows x 2 outputs): twice the gradient of the output layer",
     "expected": ("denominator", "mse", "factor", "elements", "reduction")},
    {"id": "TC12", "side": "numpy",
     "args": port("12_softmaxaxis_numpy.py", "ema_port.py", "EmaMLP", EMA),
     "mechanism": "softmax normalised over the batch axis (axis=0) instead of the class axis",
     "expected": ("softmax", "axis")},
    {"id": "TC13", "side": "numpy",
     "args": port("13_adamvcorr_numpy.py", "ema_port.py", "EmaMLP", EMA),
     "mechanism": "Adam's second-moment bias correction divides by 1 - beta1^t instead of 1 - beta2^t",
     "expected": ("bias correction", "beta2", "second moment", "exp_avg_sq")},
    {"id": "TC14", "side": "numpy",
     "args": port("14_emaorder_numpy.py", "ema_port.py", "EmaMLP", EMA),
     "mechanism": "the weight EMA updated before the AdamW step instead of after it (it lags one update behind)",
     "expected": ("ema", "moving average", "order", "lag")},
    {"id": "TC15", "side": "numpy",
     "args": port("15_emawarmup_numpy.py", "wd_port.py", "WdMLP", WD),
     "mechanism": "EMA warm-up written with max instead of min: the decay is 0.99 from the first update, no warm-up",
     "expected": ("ema", "moving average", "warm-up", "decay")},
    {"id": "TC16", "side": "numpy",
     "args": port("16_bcederiv_numpy.py", "wd_port.py", "WdMLP", WD),
     "mechanism": "BCE-with-logits derivative multiplied by an extra sigmoid derivative s (1 - s): the logit gradient is (s - y) s (1 - s) instead of s - y",
     "expected": ("sigmoid", "derivative", "cross-entropy", "bce")},
    # ------------------------------------------------------------------ correct programs
    {"id": "TC17", "side": "correct",
     "args": port("17_fullbatch_numpy.py", "accum_port.py", "AccumMLP", ACCUM),
     "mechanism": "correct: the accumulation over equal micro-batches computed as one whole-batch pass; global norm over one flat vector",
     "expected": ()},
    {"id": "TC18", "side": "correct",
     "args": port("ema_numpy.py", "18_rawparams_port.py", "EmaMLP", EMA_RAW),
     "mechanism": "correct: raw nn.Parameter weights in the NumPy (in, out) layout, gradients clamped by hand, EMA by lerp_",
     "expected": ()},
    {"id": "TC19", "side": "correct",
     "args": port("wd_numpy.py", "19_sgdgroups_port.py", "WdMLP", WD),
     "mechanism": "correct: torch.optim.SGD with parameter groups (weight_decay on the weights only); for plain SGD the coupled decay equals the decoupled one",
     "expected": ()},
]
