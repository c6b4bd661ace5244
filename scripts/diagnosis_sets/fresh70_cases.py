"""Seventieth fresh held-out set for the diagnosis: one planted bug per program in fresh70/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is spiking neural networks trained with surrogate gradients, written by hand: leaky
integrate-and-fire neurons unrolled over the time steps of input spike trains stored in the data
file (rate-coded Bernoulli trains, latency codes, fixed spatio-temporal patterns with flipped
bins), membranes v = beta v + W x_t - reset, reset by subtraction or to zero, detached or
differentiated, a Heaviside spike in the forward pass and a surrogate derivative in the backward
(the fast sigmoid 1 / (1 + k |v - thr|)^2, the scaled sigmoid derivative k s (1 - s)),
backpropagation through time written out in NumPy. Three families: two LIF layers with a
spike-count readout, softmax cross-entropy on the counts and Adam (count); an LIF layer with reset
to zero read out by non-spiking leaky integrators, the time-averaged membrane against one-hot
targets with a squared error and SGD with momentum (mem); a recurrent LIF layer with an LIF output
layer, the spike-count MSE against target counts, global-norm gradient clipping and plain SGD
(rec). The ports use a custom torch.autograd.Function for the spike, a Python loop over time,
torch.stack of the spikes, clip_grad_norm_ and torch.optim. fresh70/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh70_cases

Each case:
    id          short name (prefixed QR)
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

F = "scripts/diagnosis_sets/fresh70/"

RATE, LATENCY, PATTERN = F + "rate.npz", F + "latency.npz", F + "pattern.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


COUNT_ARGS = ("--data", RATE)
COUNT_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                      "params['b2']=fc2.bias")
COUNT_LAYERS_PARAMS = params("layers[0]['W1']=fc1.weight.T", "layers[0]['b1']=fc1.bias",
                             "layers[1]['W2']=fc2.weight.T", "layers[1]['b2']=fc2.bias")
MEM_ARGS = ("--data", LATENCY)
MEM_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                    "params['b2']=fc2.bias")
MEM_STE_PARAMS = params("params['W1']=W1", "params['b1']=b1", "params['W2']=W2", "params['b2']=b2")
REC_ARGS = ("--data", PATTERN)
REC_PARAMS = params("params['W_in']=inp.weight.T", "params['W_rec']=rec.weight.T", "params['b']=inp.bias",
                    "params['W_out']=out.weight.T", "params['b_out']=out.bias")
REC_RAW_PARAMS = params("params['W_in']=w_in", "params['W_rec']=w_rec", "params['b']=bias",
                        "params['W_out']=w_out", "params['b_out']=bias_out")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QR01_count_saved_spike", side="port",
         args=pair("count_numpy.py", "SpikeCountSNN", "01_count_saved_output_port.py", "SpikeCountSNN",
                   *COUNT_ARGS, *COUNT_PARAMS),
         mechanism="pair: the port's spike autograd.Function saves its output, ctx.save_for_backward(out), instead "
                   "of the membrane v, so the backward evaluates the fast-sigmoid surrogate 1 / (1 + k|s - thr|)^2 "
                   "at the 0/1 spike instead of the membrane potential: the surrogate is 1 where a neuron spiked and "
                   "1/36 elsewhere, whatever the membrane, so every gradient through a spike is wrong (forward and "
                   "loss right)",
         expected=("save_for_backward", "saved tensor", "ctx", "output instead of input", "spike output",
                   "membrane", "surrogate", "autograd.function", "backward", "evaluated at", "heaviside",
                   "spike instead of membrane", "wrong argument", "surrogate gradient")),
    dict(id="QR02_count_rate_not_count", side="port",
         args=pair("count_numpy.py", "SpikeCountSNN", "02_count_rate_mean_port.py", "SpikeCountSNN",
                   *COUNT_ARGS, *COUNT_PARAMS),
         mechanism="pair: the port averages the stacked output spikes over time, .mean(dim=1), instead of summing "
                   "them, .sum(dim=1): the logits fed to cross_entropy are firing rates, the spike counts divided "
                   "by T = 12, so the softmax is much flatter, the loss differs and the gradients are scaled and "
                   "redistributed",
         expected=("mean", "sum", "spike count", "firing rate", "rate", "divided by t", "time steps", "1/t",
                   "logits", "scaled", "readout", "dim=1", "average over time", "factor 12", "cross_entropy")),
    dict(id="QR03_count_reset_not_detached", side="port",
         args=pair("count_numpy.py", "SpikeCountSNN", "03_count_reset_detach_port.py", "SpikeCountSNN",
                   *COUNT_ARGS, *COUNT_PARAMS),
         mechanism="pair: the hidden layer's reset subtracts THRESH * spk1 without .detach(), where the NumPy BPTT "
                   "treats the reset as a constant: autograd adds a path from v1_t through the surrogate of s1_{t-1} "
                   "back into v1_{t-1} (-THRESH times the surrogate), so the hidden layer's gradients W1, b1 differ "
                   "(forward, loss and the output layer's gradients right)",
         expected=("detach", "detached", "reset", "reset term", "subtract", "gradient through the reset",
                   "stop gradient", "surrogate", "bptt", "hidden layer", "membrane", "extra path", "spk1",
                   "graph")),
    dict(id="QR04_mem_skips_first_step", side="port",
         args=pair("mem_numpy.py", "MembraneReadoutSNN", "04_mem_first_frame_port.py", "MembraneReadoutSNN",
                   *MEM_ARGS, *MEM_PARAMS),
         mechanism="pair: the port's time loop runs for t in range(1, T), dropping the first frame of the input "
                   "spike trains (the earliest latency spikes, the strongest features) and averaging the readout "
                   "over T - 1 steps: the membranes, the readout, the loss and every gradient differ",
         expected=("range(1", "off by one", "off-by-one", "first time step", "time step 0", "t = 0", "skipped",
                   "loop", "first frame", "time loop", "t-1", "missing step", "latency", "unrolled")),
    dict(id="QR05_mem_mse_mean_all", side="port",
         args=pair("mem_numpy.py", "MembraneReadoutSNN", "05_mem_mse_mean_port.py", "MembraneReadoutSNN",
                   *MEM_ARGS, *MEM_PARAMS),
         mechanism="pair: the port's loss is nn.MSELoss() with its default reduction='mean' over all n x 3 "
                   "elements, where the NumPy program sums the squared error over the three outputs and averages "
                   "over the batch: the loss and every gradient are a third of the NumPy program's",
         expected=("mseloss", "mse_loss", "reduction", "mean", "sum", "default", "1/3", "one third", "factor 3",
                   "number of outputs", "classes", "scaled", "per element", "loss scale")),
    dict(id="QR06_mem_surrogate_missing_k", side="port",
         args=pair("mem_numpy.py", "MembraneReadoutSNN", "06_mem_surrogate_scale_port.py", "MembraneReadoutSNN",
                   *MEM_ARGS, *MEM_PARAMS),
         mechanism="pair: the port's scaled-sigmoid surrogate returns grad * sig * (1 - sig) without the slope "
                   "factor K = 4, the derivative of sigmoid(K (v - thr)) being K sig (1 - sig): every gradient "
                   "through a spike is a quarter of the NumPy program's, so W1 and b1 get a quarter of their "
                   "gradient (the readout's W2, b2 are right)",
         expected=("surrogate", "slope", "factor", "k_sig", "scale", "1/4", "quarter", "sigmoid derivative",
                   "chain rule", "backward", "autograd.function", "spike", "missing factor", "steepness")),
    dict(id="QR07_rec_clip_by_value", side="port",
         args=pair("rec_numpy.py", "RecurrentSNN", "07_rec_clip_value_port.py", "RecurrentSNN",
                   *REC_ARGS, *REC_PARAMS),
         mechanism="pair: the port clips the gradients with clip_grad_value_(clip_value=1.0), each element to "
                   "[-1, 1], instead of clip_grad_norm_(max_norm=1.0), rescaling all gradients together to a "
                   "global norm of 1: the stored gradients and each SGD update differ in size and direction",
         expected=("clip_grad_value_", "clip_grad_norm_", "clipping", "clip", "by value", "global norm", "norm",
                   "max_norm", "element-wise", "elementwise", "rescal", "gradient norm", "scale", "direction")),
    dict(id="QR08_rec_reset_before_decay", side="port",
         args=pair("rec_numpy.py", "RecurrentSNN", "08_rec_reset_decay_port.py", "RecurrentSNN",
                   *REC_ARGS, *REC_PARAMS),
         mechanism="pair: the port subtracts the reset before the leak, BETA * (mem - THRESH * spk) + input, "
                   "instead of BETA * mem + input - THRESH * spk: the recurrent layer's membrane loses only "
                   "BETA * THRESH = 0.9 after a spike instead of THRESH, so the neurons fire more and the "
                   "membranes, counts, loss and gradients differ",
         expected=("reset", "subtract", "decay", "leak", "beta", "order", "before", "after", "threshold",
                   "beta * thresh", "0.9", "membrane", "reset by subtraction", "parenthes")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QR09_count_time_offset", side="numpy",
         args=pair("09_count_time_offset_numpy.py", "SpikeCountSNN", "count_torch.py", "SpikeCountSNN",
                   *COUNT_ARGS, *COUNT_PARAMS),
         mechanism="pair: the backward accumulates the output weights' gradient with the hidden spikes of the "
                   "previous time step, cache['s1'][t - 1].T @ dv2 instead of cache['s1'][t] (at t = 0 the index "
                   "-1 wraps to the last step): W2 gets a wrong gradient, the forward, loss and other gradients are "
                   "right",
         expected=("off by one", "off-by-one", "t - 1", "t-1", "previous time step", "time index", "index",
                   "wraps", "-1", "w2", "output weights", "bptt", "backward", "hidden spikes", "shifted")),
    dict(id="QR10_count_surrogate_centre", side="numpy",
         args=pair("10_count_surrogate_centre_numpy.py", "SpikeCountSNN", "count_torch.py", "SpikeCountSNN",
                   *COUNT_ARGS, *COUNT_PARAMS),
         mechanism="pair: the hand-written fast-sigmoid surrogate is 1 / (1 + k|v|)^2, centred at zero instead of "
                   "at the threshold, 1 / (1 + k|v - THRESH|)^2: the pseudo-derivative peaks at v = 0 rather than "
                   "at v = 1, so every gradient through a spike is weighted wrongly (forward and loss right)",
         expected=("surrogate", "threshold", "centre", "center", "v - thresh", "shifted", "offset", "fast sigmoid",
                   "pseudo-derivative", "peak", "derivative", "backward", "membrane", "spike")),
    dict(id="QR11_count_softmax_axis", side="numpy",
         args=pair("11_count_softmax_axis_numpy.py", "SpikeCountSNN", "count_torch.py", "SpikeCountSNN",
                   *COUNT_ARGS, *COUNT_PARAMS),
         mechanism="pair: the softmax used in the cross-entropy's gradient normalises over axis=0, the batch, "
                   "instead of axis=1, the classes: the probabilities in prob - y sum to one down each class "
                   "column, so dL/dcounts and every gradient are wrong while the loss itself (log-sum-exp over "
                   "axis=1) is right",
         expected=("softmax", "axis", "axis=0", "axis=1", "wrong axis", "batch", "classes", "normaliz",
                   "normalis", "sum to one", "cross-entropy", "prob - y", "columns", "gradient")),
    dict(id="QR12_mem_reset_gate_grad", side="numpy",
         args=pair("12_mem_reset_gate_grad_numpy.py", "MembraneReadoutSNN", "mem_torch.py", "MembraneReadoutSNN",
                   *MEM_ARGS, *MEM_PARAMS),
         mechanism="pair: the backward through time carries BETA * dv_next into the previous membrane, forgetting "
                   "the reset-to-zero gate (1 - s_t): the gradient flows back through spikes that zeroed the "
                   "membrane, so W1 and b1 get wrong gradients (forward, loss and the readout's gradients right)",
         expected=("reset", "reset to zero", "gate", "1 - s", "(1 - s)", "missing factor", "bptt",
                   "backpropagation through time", "membrane", "recurrence", "temporal", "zeroed", "w1",
                   "chain rule")),
    dict(id="QR13_mem_reset_wipes_input", side="numpy",
         args=pair("13_mem_reset_input_numpy.py", "MembraneReadoutSNN", "mem_torch.py", "MembraneReadoutSNN",
                   *MEM_ARGS, *MEM_PARAMS),
         mechanism="pair: the forward multiplies the whole new membrane by the reset gate, (BETA v + x_t W1 + b1) "
                   "* (1 - s), instead of only the leaked old membrane, BETA v (1 - s) + x_t W1 + b1: the input "
                   "current of the step after a spike is discarded (a refractory step), so the spikes, readout, "
                   "loss and gradients differ",
         expected=("reset", "reset to zero", "parenthes", "input current", "refractory", "gate", "1 - s",
                   "membrane", "forward", "discarded", "wiped", "after a spike", "precedence", "leak")),
    dict(id="QR14_mem_velocity_lr", side="numpy",
         args=pair("14_mem_velocity_lr_numpy.py", "MembraneReadoutSNN", "mem_torch.py", "MembraneReadoutSNN",
                   *MEM_ARGS, *MEM_PARAMS),
         mechanism="pair: the momentum buffer accumulates LR * g, velocity = MU velocity + LR g, and the update "
                   "multiplies by LR again, p -= LR velocity: the learning rate is applied twice, every update is "
                   "LR = 0.01 times too small (gradients right)",
         expected=("learning rate", "lr", "twice", "applied twice", "momentum", "velocity", "buffer", "lr * g",
                   "lr^2", "too small", "update", "sgd", "factor", "0.01")),
    dict(id="QR15_rec_inplace_leak_alias", side="numpy",
         args=pair("15_rec_inplace_leak_numpy.py", "RecurrentSNN", "rec_torch.py", "RecurrentSNN",
                   *REC_ARGS, *REC_PARAMS),
         mechanism="pair: the leak is applied in place, v *= BETA, so the membrane array appended to the cache at "
                   "the previous step is overwritten: every cached v_t is the same array, the last membrane, and "
                   "the backward evaluates the surrogate at the final membrane at every time step (forward and loss "
                   "right, the recurrent layer's gradients wrong)",
         expected=("in-place", "in place", "inplace", "*=", "alias", "aliasing", "same array", "cache", "stale",
                   "overwrit", "copy", "list", "membrane", "surrogate", "last time step")),
    dict(id="QR16_rec_clip_no_sqrt", side="numpy",
         args=pair("16_rec_clip_sqrt_numpy.py", "RecurrentSNN", "rec_torch.py", "RecurrentSNN",
                   *REC_ARGS, *REC_PARAMS),
         mechanism="pair: the global gradient norm for clipping is the sum of squares without the square root, "
                   "so the clip coefficient is CLIP / ||g||^2 instead of CLIP / ||g||: with the norm above 1 the "
                   "clipped gradients and every SGD update are too small by a factor ||g||",
         expected=("clip", "clipping", "norm", "square root", "sqrt", "sum of squares", "squared norm",
                   "global norm", "clip_grad_norm_", "coefficient", "too small", "scale", "max_norm", "l2 norm")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QR17_count_layers_numpy", side="correct",
         args=pair("count_layers_numpy.py", "SpikeCountLayers", "count_torch.py", "SpikeCountSNN",
                   *COUNT_ARGS, *COUNT_LAYERS_PARAMS),
         mechanism="pair: the spike-count SNN in NumPy with layers in a list of dicts, the input current for all "
                   "time steps from one np.einsum, time-major preallocated membranes and spikes, np.where for the "
                   "Heaviside, a log-softmax cross-entropy, weight gradients summed over time by np.einsum and "
                   "Adam moments in lists; against the nn.Module port", expected=()),
    dict(id="QR18_mem_ste_port", side="correct",
         args=pair("mem_numpy.py", "MembraneReadoutSNN", "mem_ste_torch.py", "MembraneReadoutSTE",
                   *MEM_ARGS, *MEM_STE_PARAMS),
         mechanism="pair: membrane-readout port with raw (in, out) Parameters, one matmul for every time step's "
                   "input current, the straight-through spike heaviside + sg - sg.detach() with a sigmoid sg, "
                   "the reset gate under torch.no_grad, F.mse_loss(reduction='sum') / n and "
                   "SGD(momentum, foreach=False)", expected=()),
    dict(id="QR19_rec_raw_port", side="correct",
         args=pair("rec_numpy.py", "RecurrentSNN", "rec_functional_torch.py", "RecurrentSNNRaw",
                   *REC_ARGS, *REC_RAW_PARAMS),
         mechanism="pair: recurrent SNN port with raw Parameters and torch.addmm, an autograd.Function in the "
                   "setup_context style with torch.heaviside, counts as a running sum, masked_fill targets, the "
                   "global norm by torch.linalg.vector_norm and clipping and SGD written by hand under "
                   "torch.no_grad", expected=()),
]
