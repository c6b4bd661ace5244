"""One hundred forty-fifth fresh held-out set for the diagnosis: one planted bug per program in
fresh145/ (data from fresh145/make_data.py, fixed seed 145). The theme is stateful sequence
training written by hand: one long sequence given as data cut into chunks, the recurrent hidden
state carried from one training step to the next (detached in the port: truncated
backpropagation through time), a readout at every time step, char-rnn-style elementwise gradient
clipping (np.clip to [-5, 5] in place, torch's clip_grad_value_) and a hand-written Adagrad or
RMSprop.

Base programs:
    charrnn_numpy.py:CharRNN / charrnn_torch.py:CharRNN   min-char-rnn: a one-hot Elman RNN over a
        token sequence (vocab 6, hidden 12, chunks of 8; charseq.npz holds all 6 chunks, X inputs
        and y the inputs shifted by one, and each program takes chunk step_count % 6 itself,
        zeroing the carried state when it wraps round). Column-vector layout Wxh (12, 6),
        Whh (12, 12), Why (6, 12), bh (12, 1), by (6, 1); cross-entropy summed over the chunk;
        hand-written BPTT with dhnext; np.clip(g, -5, 5, out=g); Adagrad
        mem += g*g, p -= 0.1 g / (sqrt(mem) + 1e-8). The port: three nn.Linear (i2h without
        bias, h2h with bh, h2o), the state in a buffer detached each step,
        F.cross_entropy(reduction="sum"), clip_grad_value_(5), torch.optim.Adagrad(lr=0.1, eps=1e-8).
    birnn_numpy.py:StatefulBiRNN / birnn_torch.py:StatefulBiRNN   a two-direction Elman RNN (n_in 2,
        hidden 6 per direction) over 3 parallel streams, a linear readout of [f_t, b_t] at every
        one of the 6 steps of a chunk; streams.npz holds one chunk per row, X (5, 3, 6, 2),
        run with --batch-size 1; the forward direction carries its last state into the next chunk
        (reset each epoch of 5 chunks), the backward direction starts from zero at the chunk's end.
        Loss: summed squared error over the number of streams; np.clip to [-5, 5] in place; RMSprop
        cache = 0.9 cache + 0.1 g^2, p -= 0.01 g / (sqrt(cache) + 1e-8). The port: nn.Linear per
        direction (input layer with the bias, recurrent layer without) and a head, the backward
        outputs re-reversed with [::-1], clip_grad_value_(clip_value=5),
        torch.optim.RMSprop(lr=0.01, alpha=0.9, eps=1e-8).
Correct variants: charrnn_manual_torch.py (nn.Parameters in the NumPy layout, clamp_ and Adagrad by
hand under no_grad with buffers for the accumulators), charrnn_rows_numpy.py (samples as rows,
weights (in, out), vectorised readout, a dict comprehension of np.clip copies),
birnn_flip_numpy.py (one direction routine run on the time-reversed chunk for the backward
direction, biases as rows, RMSprop as cache += (1 - decay) (g*g - cache)).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh145_cases

Each case:
    id          short name (prefixed TO)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                runner adds --steps 20, --dtype float32, --device cpu where absent, and --quiet
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, its findings, its measurements or its tests;
validated by exit status alone (each bug exits 1, its fixed copy and each correct program exit 0).
"""

F = "scripts/diagnosis_sets/fresh145/"

RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]

CHAR_PARAMS = ["--param", "params['Wxh']=i2h.weight", "--param", "params['Whh']=h2h.weight",
               "--param", "params['Why']=h2o.weight", "--param", "params['bh']=h2h.bias.reshape(12,1)",
               "--param", "params['by']=h2o.bias.reshape(6,1)", "--state", "sum=net.mem",
               "--data", F + "charseq.npz"]

BI_PARAMS = ["--param", "params['Wxf']=fwd_in.weight.T", "--param", "params['bf']=fwd_in.bias",
             "--param", "params['Whf']=fwd_rec.weight.T", "--param", "params['Wxb']=bwd_in.weight.T",
             "--param", "params['bb']=bwd_in.bias", "--param", "params['Whb']=bwd_rec.weight.T",
             "--param", "params['Wy']=head.weight.T", "--param", "params['by']=head.bias",
             "--state", "square_avg=net.cache", "--data", F + "streams.npz", "--batch-size", "1"]


def char(numpy="charrnn_numpy.py", port="charrnn_torch.py"):
    return [F + numpy + ":CharRNN", "--torch", F + port + ":CharRNN", "--as-written", *CHAR_PARAMS, *RUN]


def bi(numpy="birnn_numpy.py", port="birnn_torch.py"):
    return [F + numpy + ":StatefulBiRNN", "--torch", F + port + ":StatefulBiRNN", "--as-written",
            *BI_PARAMS, *RUN]


CASES = [
    # ---- ports with one planted bug, against the correct NumPy program
    {"id": "TO01_clipnorm", "side": "port", "args": char(port="01_clipnorm_port.py"),
     "mechanism": "clip_grad_norm_(params, 5) (global L2 norm rescaling) where the NumPy program clips each gradient element to [-5, 5] (clip_grad_value_)",
     "expected": ("clip_grad_norm", "clip_grad_value", "global norm", "clipping")},
    {"id": "TO02_meanloss", "side": "port", "args": char(port="02_meanloss_port.py"),
     "mechanism": "F.cross_entropy left at its default reduction='mean' (over the 8 steps of the chunk) where the NumPy loss is summed over the chunk",
     "expected": ("reduction", "mean", "averag", "factor 8", "1/8")},
    {"id": "TO03_nostate", "side": "port", "args": char(port="03_nostate_port.py"),
     "mechanism": "the port calls model(X[i]) without the carried hidden state, so every chunk starts from a zero state instead of the state the previous chunk left",
     "expected": ("hidden state", "carried", "initial state", "reset", "stateful")},
    {"id": "TO04_softmaxdim", "side": "port", "args": char(port="04_softmaxdim_port.py"),
     "mechanism": "log_softmax over dim=0 (the time steps of the chunk) instead of over the vocabulary (dim=1) before nll_loss",
     "expected": ("dim", "axis", "softmax", "normaliz")},
    {"id": "TO05_noflip", "side": "port", "args": bi(port="05_noflip_port.py"),
     "mechanism": "the backward direction's outputs, collected from the last step to the first, are stacked without being reversed back to time order before the concatenation with the forward ones",
     "expected": ("reverse", "flip", "time order", "backward direction", "misalign")},
    {"id": "TO06_alpha", "side": "port", "args": bi(port="06_alpha_port.py"),
     "mechanism": "torch.optim.RMSprop left at its default alpha=0.99 where the NumPy RMSprop decays its cache with 0.9",
     "expected": ("alpha", "0.99", "decay", "smoothing", "square_avg")},
    {"id": "TO07_clipafter", "side": "port", "args": bi(port="07_clipafter_port.py"),
     "mechanism": "clip_grad_value_ called after optimizer.step(), so the update uses the unclipped gradients (only the stored .grad is clipped)",
     "expected": ("after optimizer.step", "order", "unclipped", "clipping")},
    {"id": "TO08_zerograd", "side": "port", "args": bi(port="08_zerograd_port.py"),
     "mechanism": "model.zero_grad written without the call parentheses, so gradients are never cleared and accumulate over the steps",
     "expected": ("zero_grad", "accumulat", "not cleared", "stale")},
    # ---- NumPy programs with one planted bug, against the correct port
    {"id": "TO09_tanhprev", "side": "numpy", "args": char(numpy="09_tanhprev_numpy.py"),
     "mechanism": "the tanh derivative in BPTT taken at the previous hidden state, (1 - hs[t-1]**2), instead of at hs[t]",
     "expected": ("tanh", "derivative", "previous hidden", "time index", "off by one")},
    {"id": "TO10_nodhnext", "side": "numpy", "args": char(numpy="10_nodhnext_numpy.py"),
     "mechanism": "dh = Why.T @ dy without + dhnext: the gradient from later time steps is not passed back through the recurrence",
     "expected": ("dhnext", "recurren", "through time", "bptt", "whh")},
    {"id": "TO11_memreset", "side": "numpy", "args": char(numpy="11_memreset_numpy.py"),
     "mechanism": "Adagrad memory overwritten each step (mem = g*g) instead of accumulated (mem += g*g)",
     "expected": ("accumulat", "adagrad", "overwrit", "running sum", "mem")},
    {"id": "TO12_counterorder", "side": "numpy", "args": char(numpy="12_counterorder_numpy.py"),
     "mechanism": "the step counter incremented at the start of train_step instead of at its end, so each step trains on the next chunk (and the state reset on wrap-round falls one step early)",
     "expected": ("counter", "chunk", "off by one", "order", "shifted")},
    {"id": "TO13_clipcopy", "side": "numpy", "args": char(numpy="13_clipcopy_numpy.py"),
     "mechanism": "np.clip(g, -5, 5) without out=g: the clipped copy is discarded and the update uses the unclipped gradient",
     "expected": ("in place", "out=", "discarded", "unclipped", "clip")},
    {"id": "TO14_bwdorder", "side": "numpy", "args": bi(numpy="14_bwdorder_numpy.py"),
     "mechanism": "the backward direction's BPTT loop runs reversed(range(T)) like the forward direction's, so its recurrent gradient flows the wrong way in time",
     "expected": ("backward direction", "reverse", "loop order", "wrong direction", "whb")},
    {"id": "TO15_rmsdecay", "side": "numpy", "args": bi(numpy="15_rmsdecay_numpy.py"),
     "mechanism": "RMSprop cache = decay * cache + g**2, the (1 - decay) factor on the new squared gradient left out",
     "expected": ("1 - decay", "1-decay", "rmsprop", "square_avg", "decay")},
    {"id": "TO16_carrylast", "side": "numpy", "args": bi(numpy="16_carrylast_numpy.py"),
     "mechanism": "the state carried into the next chunk is the forward direction's second-to-last hidden state fs[T-1] instead of the last, fs[T]",
     "expected": ("carried", "last hidden", "off by one", "hidden state", "fs[t]")},
    # ---- correct programs written another way
    {"id": "TO17_manualport", "side": "correct",
     "args": [F + "charrnn_numpy.py:CharRNN", "--torch", F + "charrnn_manual_torch.py:CharRNN", "--as-written",
              "--param", "params['Wxh']=Wxh", "--param", "params['Whh']=Whh", "--param", "params['Why']=Why",
              "--param", "params['bh']=bh", "--param", "params['by']=by",
              "--data", F + "charseq.npz", *RUN],
     "mechanism": "correct: the port keeps the NumPy layout as nn.Parameters and writes clamp_ and Adagrad by hand",
     "expected": ()},
    {"id": "TO18_rows", "side": "correct",
     "args": [F + "charrnn_rows_numpy.py:CharRNN", "--torch", F + "charrnn_torch.py:CharRNN", "--as-written",
              "--param", "params['Wxh']=i2h.weight.T", "--param", "params['Whh']=h2h.weight.T",
              "--param", "params['Why']=h2o.weight.T", "--param", "params['bh']=h2h.bias",
              "--param", "params['by']=h2o.bias", "--state", "sum=net.mem",
              "--data", F + "charseq.npz", *RUN],
     "mechanism": "correct: samples as rows, weights (in, out), readout and softmax vectorised over the chunk, clipped copies",
     "expected": ()},
    {"id": "TO19_flip", "side": "correct",
     "args": [F + "birnn_flip_numpy.py:StatefulBiRNN", "--torch", F + "birnn_torch.py:StatefulBiRNN", "--as-written",
              "--param", "params['Wxf']=fwd_in.weight.T", "--param", "params['bf']=fwd_in.bias.reshape(1,6)",
              "--param", "params['Whf']=fwd_rec.weight.T", "--param", "params['Wxb']=bwd_in.weight.T",
              "--param", "params['bb']=bwd_in.bias.reshape(1,6)", "--param", "params['Whb']=bwd_rec.weight.T",
              "--param", "params['Wy']=head.weight.T", "--param", "params['by']=head.bias.reshape(1,2)",
              "--state", "square_avg=net.cache", "--data", F + "streams.npz", "--batch-size", "1", *RUN],
     "mechanism": "correct: the backward direction as the forward routine on the time-reversed chunk, row biases, RMSprop as an in-place running average",
     "expected": ()},
]
